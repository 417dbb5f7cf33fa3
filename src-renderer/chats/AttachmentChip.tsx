// One attached file shown by name, type and size (bytes stay on the server).
import type { Attachment } from '../../src-shared/attachment';
import { formatBytes } from '../format/time';

export function AttachmentChip(props: { attachment: Attachment }) {
  const a = props.attachment;
  const kind = a.contentType.startsWith('image/') ? 'image' : a.contentType === 'application/pdf' ? 'pdf' : 'file';
  return (
    <span className={`attachment attachment-${kind}`} title={`${a.contentType} · uploaded by ${a.uploadedBy}`} data-testid="attachment">
      <span className="attachment-icon" aria-hidden="true">
        {kind === 'image' ? '▣' : kind === 'pdf' ? '▤' : '▢'}
      </span>
      <span className="attachment-name">{a.fileName}</span>
      <span className="muted">{formatBytes(a.size)}</span>
    </span>
  );
}
