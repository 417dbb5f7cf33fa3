// Message text with clickable, safe links; always rendered as text nodes, never as HTML.
import { splitLinks } from '../../../../src-shared/text-links';

export function MessageText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer" className="sb-link">
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
