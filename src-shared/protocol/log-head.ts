// `log:head`, sent by a node to its own sockets of both namespaces when its Redis connection comes back: the newest
// committed seq, so a client learns of events that were committed while no node could relay them to it.
//
// Declared with zod/mini rather than the zod of the other schemas: the customer widget validates it too, and
// otherwise bundles no zod at all (zod/mini adds ~5 KB gzipped for this schema; classic zod would add ~90 KB).
import * as z from 'zod/mini';

export const logHeadSchema = z.object({
  /** Every event with a seq up to this one had committed when the node read it (some may be outside your scope). */
  seq: z.int().check(z.nonnegative()),
});
export type LogHead = z.infer<typeof logHeadSchema>;
