// The one-script embed (served as /widget.js): adds a CHAT/HELP tab on the right edge of the host page and opens
// the support page in an iframe panel. No React: this runs on every page of the host site, so it stays tiny.
import { EMBED_SOURCE, isEmbedMessage, type HostMessage } from './embed-messages';

declare global {
  interface Window {
    __switchboardWidget?: boolean;
  }
}

const css = `
:host{all:initial}
.tab{position:fixed;right:0;top:50%;transform:translateY(-50%);z-index:2147483646;writing-mode:vertical-rl;
  font:600 13px/1 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;letter-spacing:.12em;
  color:#fff;background:#1456b8;border:0;border-radius:8px 0 0 8px;padding:16px 10px;cursor:pointer;
  box-shadow:0 2px 10px rgba(16,24,40,.25)}
.tab:hover{background:#0f4698}
.tab:focus-visible{outline:3px solid #1d2433;outline-offset:2px}
.tab[hidden]{display:none}
.hint{position:fixed;right:52px;top:50%;transform:translateY(-50%);z-index:2147483646;max-width:260px;
  font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#fff;background:#1d2433;
  padding:8px 12px;border-radius:8px;box-shadow:0 4px 14px rgba(16,24,40,.25);pointer-events:none;display:none}
.hint strong{font-weight:600}
.tab:not([hidden]):hover+.hint:not(:empty),.tab:not([hidden]):focus-visible+.hint:not(:empty){display:block}
.panel{position:fixed;right:16px;bottom:16px;z-index:2147483647;width:380px;max-width:calc(100vw - 32px);
  height:640px;max-height:calc(100vh - 32px);border-radius:12px;overflow:hidden;background:#fff;
  box-shadow:0 12px 40px rgba(16,24,40,.28)}
.panel[hidden]{display:none}
iframe{border:0;width:100%;height:100%;display:block}
@media (max-width:420px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}
`;

function mount(script: HTMLScriptElement): void {
  // The server that served this script is the support server; a site embeds it with one tag and no configuration.
  const src = new URL(script.src, document.baseURI);
  const page = new URL('/support', src.origin);
  page.searchParams.set('embed', '1');
  for (const name of ['pid', 'eid']) {
    const value = script.dataset[name] ?? src.searchParams.get(name);
    if (value) page.searchParams.set(name, value);
  }
  // Which page the customer was on helps support; its query and hash can hold the host's secrets, so they stay home.
  if (location.protocol === 'http:' || location.protocol === 'https:') page.searchParams.set('page', `${location.origin}${location.pathname}`.slice(0, 2048));

  const host = document.createElement('div');
  host.setAttribute('data-switchboard-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;

  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.hidden = true;
  tab.textContent = 'CHAT';
  tab.setAttribute('aria-expanded', 'false');
  tab.setAttribute('aria-controls', 'switchboard-panel');
  tab.setAttribute('data-testid', 'support-tab');

  // The hours, as the docs print them ("All Media, Technical: 9 am to 7 pm Eastern Time"), on hover and keyboard focus.
  const hint = document.createElement('div');
  hint.className = 'hint';
  hint.id = 'switchboard-hours';
  hint.setAttribute('role', 'tooltip');
  hint.setAttribute('data-testid', 'support-tab-hours');
  tab.setAttribute('aria-describedby', hint.id);

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'switchboard-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Customer support');

  // Loaded right away (hidden) so the tab can show CHAT or HELP from live availability before anyone opens it.
  const frame = document.createElement('iframe');
  frame.src = page.href;
  frame.title = 'Customer support';
  frame.setAttribute('allow', 'clipboard-write');
  panel.append(frame);
  root.append(style, tab, hint, panel);
  document.body.append(host);

  let ready = false;
  // The panel covers the tab's corner, so the tab steps aside while the panel is open and takes focus back after.
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    tab.hidden = open || !ready;
    tab.setAttribute('aria-expanded', String(open));
    if (open) {
      frame.focus();
      frame.contentWindow?.postMessage({ source: EMBED_SOURCE, type: 'opened' } satisfies HostMessage, src.origin);
    } else tab.focus();
  };
  tab.addEventListener('click', () => setOpen(panel.hidden));

  // If the support server never answers, still offer a way to reach it after a moment.
  const fallback = setTimeout(() => {
    ready = true;
    tab.hidden = !panel.hidden;
  }, 5_000);
  window.addEventListener('message', (event) => {
    if (event.origin !== src.origin || event.source !== frame.contentWindow || !isEmbedMessage(event.data)) return;
    if (event.data.type === 'close') return setOpen(false);
    clearTimeout(fallback);
    const label = event.data.tab === 'chat' ? 'CHAT' : 'HELP';
    tab.textContent = label;
    const lead = document.createElement('strong');
    lead.textContent = label === 'CHAT' ? 'Chat with us' : 'Chat is offline: email us';
    hint.replaceChildren(...(event.data.hoursText ? [lead, document.createElement('br'), `Chat hours: ${event.data.hoursText}`] : []));
    ready = true;
    tab.hidden = !panel.hidden;
  });
}

// currentScript is null when a tag manager runs the code out of band; then the snippet's own tag still names the server.
const current = document.currentScript ?? document.querySelector('script[src$="/widget.js"]');
if (current instanceof HTMLScriptElement && !window.__switchboardWidget) {
  window.__switchboardWidget = true;
  if (document.body) mount(current);
  else document.addEventListener('DOMContentLoaded', () => mount(current), { once: true });
}

