// Typing indicators between a visitor and their specialist: how long one shows, and a throttle so a burst of keystrokes is one broadcast.

/** How long a receiver shows "typing…" without a newer signal. */
export const TYPING_TTL_MS = 5000;
/** Re-broadcast a "still typing" signal at most this often per sender and conversation. */
export const TYPING_THROTTLE_MS = 1000;

export class TypingThrottle {
  private readonly sent = new Map<string, { at: number; typing: boolean }>();

  /** `key`: one sender in one conversation. A change always goes out; "still typing" once per throttle window; "stopped" once. */
  shouldSend(key: string, typing: boolean, now: number): boolean {
    const last = this.sent.get(key);
    if (last && last.typing === typing && (!typing || now - last.at < TYPING_THROTTLE_MS)) return false;
    this.sent.set(key, { at: now, typing });
    return true;
  }
}
