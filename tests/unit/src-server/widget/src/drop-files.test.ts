import { describe, expect, it } from 'vitest';
import type { DropBox } from '../../../../../src-shared/drop-box';
import { MAX_UPLOAD_BYTES } from '../../../../../src-shared/limits';
import {
  CHAT_ENDED_NO_FILES,
  DROP_BOX_TAKES_ONE,
  FOLDER_REFUSED,
  NO_OPEN_DROP_BOX,
  chatDropTarget,
  dragCarriesFiles,
  droppedFiles,
  pickFiles,
  type DropItemLike,
  type FileLike,
} from '../../../../../src-server/widget/src/drop-files';

const file = (name: string, size = 1024, type = 'image/png'): FileLike => ({ name, size, type });
const item = (f: FileLike | null, directory = false): DropItemLike<FileLike> => ({
  kind: 'file',
  getAsFile: () => f,
  webkitGetAsEntry: () => ({ isDirectory: directory }),
});
const box = (id: string, createdAt: number, state: DropBox['state'] = 'open'): DropBox => ({
  id,
  conversationId: 'c1',
  requestedBy: 's1',
  label: `box ${id}`,
  state,
  attachments: [],
  createdAt,
});

describe('dragCarriesFiles', () => {
  it('is true only for drags that carry files, not text or links', () => {
    expect(dragCarriesFiles(['Files'])).toBe(true);
    expect(dragCarriesFiles(['text/plain', 'Files'])).toBe(true);
    expect(dragCarriesFiles(['text/plain', 'text/uri-list'])).toBe(false);
    expect(dragCarriesFiles(undefined)).toBe(false);
  });
});

describe('droppedFiles', () => {
  it('reads the files of the drop’s items and counts folders apart', () => {
    const a = file('a.png');
    const b = file('b.pdf', 10, 'application/pdf');
    const dt = { types: ['Files'], files: [a, b], items: [item(a), item(null, true), item(b), { kind: 'string', getAsFile: () => null }] };
    expect(droppedFiles(dt)).toEqual({ files: [a, b], folders: 1 });
  });

  it('falls back to the file list where items are missing', () => {
    const a = file('a.png');
    expect(droppedFiles({ types: ['Files'], files: [a] })).toEqual({ files: [a], folders: 0 });
  });
});

describe('pickFiles', () => {
  const dropBox = { room: 1, tooMany: DROP_BOX_TAKES_ONE, allOrNothing: true };
  const comment = (room: number) => ({ room, tooMany: 'A comment can carry at most 10 files.' });

  it('accepts a file that passes the Browse… checks', () => {
    const a = file('shot.png');
    expect(pickFiles([a], dropBox)).toEqual({ accepted: [a], error: null });
  });

  it('refuses a file that is too large, of a wrong type or empty, saying which and why', () => {
    expect(pickFiles([file('big.png', MAX_UPLOAD_BYTES + 1)], dropBox)).toEqual({ accepted: [], error: expect.stringContaining('“big.png” is too large') });
    expect(pickFiles([file('run.exe', 10, 'application/x-msdownload')], dropBox).error).toContain("“run.exe” can't be sent");
    expect(pickFiles([file('empty.txt', 0, 'text/plain')], dropBox).error).toBe('“empty.txt” is empty.');
  });

  it('a Drop Box takes exactly one file: two dropped at once are both refused', () => {
    expect(pickFiles([file('a.png'), file('b.png')], dropBox)).toEqual({ accepted: [], error: DROP_BOX_TAKES_ONE });
  });

  it('a comment takes what fits and says the rest did not', () => {
    const files = [file('a.png'), file('b.exe', 10, 'application/x-msdownload'), file('c.png')];
    const pick = pickFiles(files, comment(2));
    expect(pick.accepted).toEqual([files[0]]);
    expect(pick.error).toContain('“b.exe”');
    expect(pick.error).toContain('A comment can carry at most 10 files.');
    expect(pickFiles([file('a.png')], comment(0))).toEqual({ accepted: [], error: 'A comment can carry at most 10 files.' });
  });

  it('says folders were left out', () => {
    const a = file('a.png');
    expect(pickFiles([a], comment(10), 1)).toEqual({ accepted: [a], error: FOLDER_REFUSED });
    expect(pickFiles([], dropBox, 1)).toEqual({ accepted: [], error: FOLDER_REFUSED });
  });
});

describe('chatDropTarget', () => {
  it('fills the newest open Drop Box', () => {
    const boxes = [box('old', 1), box('new', 5), box('done', 9, 'fulfilled')];
    expect(chatDropTarget(boxes, { ended: false })).toEqual({ ok: true, box: boxes[1] });
  });

  it('fills the open box the file was dropped on, else the newest open one', () => {
    const boxes = [box('old', 1), box('new', 5), box('done', 9, 'fulfilled')];
    expect(chatDropTarget(boxes, { ended: false, pointedBoxId: 'old' })).toEqual({ ok: true, box: boxes[0] });
    expect(chatDropTarget(boxes, { ended: false, pointedBoxId: 'done' })).toEqual({ ok: true, box: boxes[1] });
  });

  it('says why a file cannot be dropped: no open Drop Box, or the chat has ended', () => {
    expect(chatDropTarget([], { ended: false })).toEqual({ ok: false, message: NO_OPEN_DROP_BOX });
    expect(chatDropTarget([box('x', 1, 'cancelled')], { ended: false })).toEqual({ ok: false, message: NO_OPEN_DROP_BOX });
    expect(chatDropTarget([box('x', 1)], { ended: true })).toEqual({ ok: false, message: CHAT_ENDED_NO_FILES });
  });
});
