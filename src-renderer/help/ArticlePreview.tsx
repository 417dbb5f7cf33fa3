// The article as readers will see it, beside the Markdown and updated as the author types. The HTML comes from the
// shared renderer (safe by construction, the only HTML the console shows), its parsed nodes placed in the preview
// as they are; links open in the system browser, never in the console window; images arrive through the core as
// data: URLs.
import { useDeferredValue, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { previewHtml } from './help-preview';
import { publicHelpUrl } from './help-suggestions';

export function ArticlePreview(props: { title: string; markdown: string }) {
  const controller = useController();
  const serverUrl = useApp((s) => s.session?.serverUrl ?? null);
  // Rendering a long article on every key press would make typing lag; the preview may trail a frame behind.
  const markdown = useDeferredValue(props.markdown);
  const rendered = useMemo(() => previewHtml(markdown), [markdown]);
  const body = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const root = body.current;
    if (!root || !rendered.ok) return;
    root.replaceChildren(...rendered.nodes.map((n) => document.importNode(n, true)));
    let current = true;
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-help-src]')) {
      const url = img.dataset.helpSrc ?? '';
      void controller.help.previewImage(url).then((dataUrl) => {
        if (!current) return;
        if (dataUrl) img.src = dataUrl;
        else img.classList.add('help-preview-missing');
      });
    }
    return () => {
      current = false;
    };
  }, [rendered, controller]);

  function onClick(e: MouseEvent<HTMLDivElement>) {
    const link = (e.target as HTMLElement).closest('a');
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) return;
    if (/^https?:/i.test(href) || href.startsWith('/')) controller.openExternal(publicHelpUrl(href, serverUrl));
  }

  return (
    <section className="help-preview" aria-label="Preview" data-testid="help-preview">
      <div className="help-preview-label muted" aria-hidden="true">
        Preview
      </div>
      <h1 className="help-preview-title">{props.title || 'Untitled'}</h1>
      {rendered.ok ? (
        // Filled by the layout effect with the shared renderer's nodes; React keeps no children of its own here.
        <div ref={body} className="help-article-body" onClick={onClick} />
      ) : (
        <>
          <p className="muted">{rendered.problem}</p>
          <pre className="help-preview-source">{markdown}</pre>
        </>
      )}
    </section>
  );
}
