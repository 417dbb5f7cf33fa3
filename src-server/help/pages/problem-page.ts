// The help center's refusals as pages: not found (unknown product, section or article, or one taken down), too
// many requests, and a bad address; each with the way back.
import { html, type SafeHtml } from './html';
import { pageFrame, SITE_NAME } from './layout';

export function problemPage(kind: 'not_found' | 'rate_limited' | 'bad_request'): SafeHtml {
  const text = {
    not_found: { title: 'We could not find that page', lead: 'The article may have moved or been taken down.' },
    rate_limited: { title: 'Too many requests', lead: 'You have asked for a lot in a short time. Please wait a minute and try again.' },
    bad_request: { title: 'That address is not valid', lead: 'Check the address, or start again from the help center.' },
  }[kind];
  return pageFrame({
    title: text.title,
    crumbs: [{ label: SITE_NAME, href: '/help' }],
    main: html`<h1>${text.title}</h1>
<p class="help-lead">${text.lead}</p>
<p><a href="/help">Go to the ${SITE_NAME}</a> or <a href="/support">contact us</a>.</p>`,
  });
}
