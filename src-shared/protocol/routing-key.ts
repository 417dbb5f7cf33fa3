// The routing key a client sends on every socket.io request, so a balancer can keep one connection on one node.
//
// socket.io starts with HTTP long-polling, and every request of one engine.io session must reach the node that
// holds it. A balancer's cookie does that only for clients that send cookies back: a widget embedded from
// another site (SameSite=Lax and blocked third-party cookies) and Node clients (engine.io-client keeps cookies
// only with `withCredentials`) do not. A query parameter is sent by everyone; deploy/haproxy.cfg hashes on it.

/** Query parameter name; its value is a random id the client draws once and sends on every request. */
export const ROUTING_KEY_PARAM = 'sb';
