// One attached file shown by name, type and size; clicking downloads it through the console core and opens it
// (Electron) or saves it through a one-time link (browser mode). With `thumbnail`, images (PNG, JPEG, GIF, WebP)
// also show a small preview above the chip.
import type { Attachment } from '../../src-shared/attachment';
import { isPreviewable } from '../../src-shared/image-preview';
import { formatBytes } from '../format/time';
import { useController } from '../app/controller-context';
import { isElectron } from '../platform/console-api';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import './attachments.css';

export function AttachmentChip(props: { attachment: Attachment; thumbnail?: boolean }) {
  const a = props.attachment;
  const controller = useController();
  const kind = a.contentType.startsWith('image/') ? 'image' : a.contentType === 'application/pdf' ? 'pdf' : 'file';
  const chip = (
    <span className={`attachment attachment-${kind}`} title={`${a.contentType} · uploaded by ${a.uploadedBy}`} data-testid="attachment">
      <span className="attachment-icon" aria-hidden="true">
        {kind === 'image' ? '▣' : kind === 'pdf' ? '▤' : '▢'}
      </span>
      <button type="button" className="link-button attachment-name" onClick={() => void controller.openAttachment(a.id, false)} aria-label={`Open ${a.fileName}`}>
        {a.fileName}
      </button>
      <span className="muted">{formatBytes(a.size)}</span>
      {isElectron() && (
        <button type="button" className="icon-button" onClick={() => void controller.openAttachment(a.id, true)} aria-label={`Show ${a.fileName} in its folder`} title="Show in folder">
          ⤓
        </button>
      )}
    </span>
  );
  if (!props.thumbnail || !isPreviewable(a)) return chip;
  return (
    <span className="attachment-with-thumb">
      <AttachmentThumbnail attachment={a} onOpen={() => void controller.openAttachment(a.id, false)} />
      {chip}
    </span>
  );
}
