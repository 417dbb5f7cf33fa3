// Message text rendered as text: line breaks kept by CSS, http(s) links as safe anchors, never HTML.
import { memo } from 'react';
import { splitLinks } from '../../src-shared/text-links';

export const MessageText = memo(function MessageText(props: { text: string }) {
  return (
    <span className="message-text">
      {splitLinks(props.text).map((seg, i) =>
        seg.kind === 'link' ? (
          <a key={i} href={seg.href} target="_blank" rel="noopener noreferrer">
            {seg.text}
          </a>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </span>
  );
});
