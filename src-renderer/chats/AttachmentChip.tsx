// One attached file shown by name, type and size; clicking downloads it through the console core and opens it
// (Electron) or saves it through a one-time link (browser mode).
import type { Attachment } from '../../src-shared/attachment';
import { formatBytes } from '../format/time';
import { useController } from '../app/controller-context';
import { isElectron } from '../platform/console-api';

export function AttachmentChip(props: { attachment: Attachment }) {
  const a = props.attachment;
  const controller = useController();
  const kind = a.contentType.startsWith('image/') ? 'image' : a.contentType === 'application/pdf' ? 'pdf' : 'file';
  return (
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
}
