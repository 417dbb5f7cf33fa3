// `log:head`: the newest committed seq, so a client learns of events that were committed but never reached it live.
// Sent by a node to every node's sockets when its Redis connection comes back, and to its own sockets when its log
// head watcher finds events no node published (an admin CLI change; another node's while Redis was down).
//
// Declared with zod/mini rather than the zod of the other schemas: the customer widget validates it too, and
// otherwise bundles no zod at all (zod/mini adds ~5 KB gzipped for this schema; classic zod would add ~90 KB).
import * as z from 'zod/mini';

export const logHeadSchema = z.object({
  /** Every event with a seq up to this one had committed when the node read it (some may be outside your scope). */
  seq: z.int().check(z.nonnegative()),
});
export type LogHead = z.infer<typeof logHeadSchema>;
