// The nodes run the built server (dist/server/main.js): `npm test` builds before it runs this suite; a direct
// `npm run faults` builds here when the sources are newer than the build.
// @ts-expect-error -- a plain .mjs script without types
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';

export default function setup(): void {
  (buildIfStale as (outputs: string[], who: string) => void)(['dist/server/main.js'], 'faults');
}
