// A small preview of an image attachment (at most 240×180, aspect kept) that opens or downloads the file when clicked.
// Its bytes are fetched only once it scrolls near view. The file's name link beside it stays the keyboard's way in,
// so the preview itself is a pointer shortcut, hidden from assistive technology.
import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../../src-shared/attachment';

interface ThumbnailProps {
  attachment: Attachment;
  load: (attachment: Attachment) => Promise<string | null>;
  /** A plain link (comment page) … */
  href?: string;
  /** … or a handler (chat downloads need the token). */
  onOpen?: () => void;
}

export function Thumbnail({ attachment, load, href, onOpen }: ThumbnailProps) {
  const frame = useRef<HTMLElement | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    let live = true;
    const start = () =>
      void load(attachment).then((url) => {
        if (!live) return;
        if (url) setSrc(url);
        else setFailed(true);
      });
    if (typeof IntersectionObserver === 'undefined') {
      start();
      return () => {
        live = false;
      };
    }
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        start();
      },
      { rootMargin: '200px' },
    );
    seen.observe(el);
    return () => {
      live = false;
      seen.disconnect();
    };
    // Keyed by the attachment only: a re-render with a new `load` function does not refetch what is shown.
  }, [attachment.id]);

  if (failed) return null;
  const image = src ? (
    <img className="sb-thumb-img" src={src} alt="" onError={() => setFailed(true)} data-testid="thumbnail-image" />
  ) : (
    <span className="sb-thumb-placeholder" />
  );
  const title = `Download ${attachment.fileName}`;
  return href ? (
    <a ref={(el) => {
        frame.current = el;
      }} className="sb-thumb" href={href} download={attachment.fileName} tabIndex={-1} aria-hidden="true" title={title} data-testid="thumbnail">
      {image}
    </a>
  ) : (
    <button ref={(el) => {
        frame.current = el;
      }} type="button" className="sb-thumb" onClick={onOpen} tabIndex={-1} aria-hidden="true" title={title} data-testid="thumbnail">
      {image}
    </button>
  );
}
