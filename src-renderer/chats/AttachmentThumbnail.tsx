// A small preview (at most 240×180, aspect kept) of an image attachment in the transcript. The transcript is
// virtualised, so a row exists only near the viewport; the preview is asked of the core only once its row is
// actually visible. Clicking opens the file like its name does; the name stays the keyboard's way in.
import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../src-shared/attachment';
import { previewCache } from './attachment-previews';

export function AttachmentThumbnail(props: { attachment: Attachment; onOpen: () => void }) {
  const { attachment, onOpen } = props;
  const frame = useRef<HTMLButtonElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    const el = frame.current;
    const cache = previewCache();
    if (!el || !cache) return;
    let live = true;
    const show = () =>
      void cache.load(attachment.id).then((url) => {
        if (!live) return;
        if (url) setSrc(url);
        else setGone(true);
      });
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      show();
    });
    seen.observe(el);
    return () => {
      live = false;
      seen.disconnect();
    };
  }, [attachment.id]);

  if (gone) return null;
  return (
    <button ref={frame} type="button" className="attachment-thumb" onClick={onOpen} tabIndex={-1} aria-hidden="true" title={`Open ${attachment.fileName}`} data-testid="thumbnail">
      {src ? <img className="attachment-thumb-img" src={src} alt="" onError={() => setGone(true)} data-testid="thumbnail-image" /> : <span className="attachment-thumb-placeholder" />}
    </button>
  );
}
