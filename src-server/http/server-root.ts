// `/`: a person who opens the server's address in a browser learns what it is and finds the customer page; API
// clients (anything that does not ask for HTML) keep getting the not-found Result every unknown path answers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PageHeaders } from './security-headers';

// Static text, no styles or scripts: the page needs none and its CSP (serverRoot) allows none.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Switchboard support server</title>
</head>
<body>
<h1>Switchboard support server</h1>
<p>This address is a Switchboard support server: it answers the customer support page and the specialists' console.</p>
<ul>
<li>Customers: <a href="/support">open the support page</a> to chat with us or send us a question.</li>
<li>Specialists: sign in from the Switchboard console, with this address as its server.</li>
</ul>
</body>
</html>
`;

/** Browsers ask for text/html when following a link or a typed address; fetch, curl and our clients do not. */
const wantsHtml = (req: FastifyRequest) => /(^|[\s,])text\/html\b/i.test(req.headers.accept ?? '');

export function registerServerRoot(app: FastifyInstance, headers: PageHeaders): void {
  app.get('/', { helmet: headers.serverRoot }, (req, reply) => {
    // Caches must keep the HTML and the Result apart.
    void reply.header('vary', 'accept');
    if (!wantsHtml(req)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').send(page);
  });
}
