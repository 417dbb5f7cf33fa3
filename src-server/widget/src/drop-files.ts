// Files a customer drags onto the chat or the comment page: which drags carry files, which files a drop holds (no
// folders), which of them may go (the same size and type checks as Browse…, and the target's room), and which Drop
// Box a drop on the chat window fills. Pure: DataTransfer-like inputs, so the rules are tested without a browser.
import type { DropBox } from '../../../src-shared/drop-box';
import { checkUpload } from './upload-check';

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

/** The part of a DataTransferItem a drop reads; `webkitGetAsEntry` tells a folder from a file where the browser has it. */
export interface DropItemLike<F> {
  kind: string;
  getAsFile(): F | null;
  webkitGetAsEntry?: () => { isDirectory: boolean } | null;
}

export interface DataTransferLike<F> {
  types: ArrayLike<string>;
  files: ArrayLike<F>;
  items?: ArrayLike<DropItemLike<F>>;
}

/** While dragging, only the kinds are readable: a drag of text or a link is not ours to take. */
export function dragCarriesFiles(types: ArrayLike<string> | null | undefined): boolean {
  return types ? Array.from(types).includes('Files') : false;
}

/** Files of a drop (read during the drop event: the browser empties the DataTransfer after it) and how many were folders. */
export function droppedFiles<F>(dt: DataTransferLike<F>): { files: F[]; folders: number } {
  const items = dt.items ? Array.from(dt.items).filter((i) => i.kind === 'file') : [];
  if (items.length === 0) return { files: Array.from(dt.files), folders: 0 };
  const files: F[] = [];
  let folders = 0;
  for (const item of items) {
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      folders += 1;
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return { files, folders };
}

export const FOLDER_REFUSED = "Folders can't be uploaded: drop the files themselves.";

export interface FilePick<F> {
  /** Passed the checks, within the target's room, in the order dropped. */
  accepted: F[];
  /** Every refusal in one line (too large, wrong type, empty, too many, folders), or null. */
  error: string | null;
}

/**
 * The files that may go to a target with `room` free places, each checked like a Browse… pick (upload-check.ts).
 * With `allOrNothing` (a Drop Box takes exactly one file) more files than room refuses them all rather than guess.
 */
export function pickFiles<F extends FileLike>(
  files: readonly F[],
  target: { room: number; tooMany: string; allOrNothing?: boolean },
  folders = 0,
): FilePick<F> {
  const refusals: string[] = folders > 0 ? [FOLDER_REFUSED] : [];
  const room = Math.max(target.room, 0);
  if (files.length > room && (target.allOrNothing || room === 0)) return { accepted: [], error: [...refusals, target.tooMany].join(' ') };
  const accepted: F[] = [];
  for (const file of files.slice(0, room)) {
    const check = checkUpload(file);
    if (check.ok) accepted.push(file);
    else refusals.push(check.error.message);
  }
  if (files.length > room) refusals.push(target.tooMany);
  return { accepted, error: refusals.length > 0 ? refusals.join(' ') : null };
}

export const NO_OPEN_DROP_BOX = 'Files can only be sent into a Drop Box. Ask the specialist to open one for you.';
export const CHAT_ENDED_NO_FILES = 'This chat has ended, so files can no longer be sent. Add them to your ticket from the link in our email.';

export type ChatDropTarget = { ok: true; box: DropBox } | { ok: false; message: string };

/**
 * Which Drop Box a file dropped on the chat window goes to: the open box under the pointer, else the newest open one
 * (the specialist's latest request). None while the chat is over or no box is open: the message says why.
 */
export function chatDropTarget(boxes: readonly DropBox[], opts: { ended: boolean; pointedBoxId?: string | null }): ChatDropTarget {
  if (opts.ended) return { ok: false, message: CHAT_ENDED_NO_FILES };
  const open = boxes.filter((b) => b.state === 'open');
  const pointed = open.find((b) => b.id === opts.pointedBoxId);
  const box = pointed ?? open.reduce<DropBox | undefined>((newest, b) => (!newest || b.createdAt >= newest.createdAt ? b : newest), undefined);
  return box ? { ok: true, box } : { ok: false, message: NO_OPEN_DROP_BOX };
}

export const DROP_BOX_TAKES_ONE = 'A Drop Box takes one file: drop just one (ask the specialist for another Drop Box for more).';
