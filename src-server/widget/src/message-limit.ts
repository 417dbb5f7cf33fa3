// The composer's length rule: the server refuses messages over MAX_MESSAGE_CHARS, so the page counts down near it.
import { MAX_MESSAGE_CHARS } from '../../../src-shared/limits';

export interface LengthStatus {
  /** Characters typed (UTF-16 units, as the server's zod `max` counts them). */
  length: number;
  /** Characters left; negative once over the limit. */
  remaining: number;
  showCounter: boolean;
  tooLong: boolean;
}

export function lengthStatus(text: string, max: number = MAX_MESSAGE_CHARS): LengthStatus {
  const length = text.length;
  // The counter appears only in the last 10%: a short chat message should not carry a number beside it.
  const from = Math.floor(max * 0.9);
  return { length, remaining: max - length, showCounter: length >= from, tooLong: length > max };
}

/** The counter's words: "120 characters left" / "1 character left" / "35 characters over the limit". */
export function counterText(status: LengthStatus): string {
  const n = Math.abs(status.remaining);
  const unit = n === 1 ? 'character' : 'characters';
  return status.remaining >= 0 ? `${n} ${unit} left` : `${n} ${unit} over the limit`;
}
