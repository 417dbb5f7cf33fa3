// `npm run bench`: server, console and renderer benchmarks, each against a baseline measured in the same run.
// Not part of `npm test`. `npm run bench -- server console` runs only the named parts; `sync-frames` is the
// renderer's frame times during a console initial sync (tests/bench/renderer/sync-frames.ts); `cluster` is 1 node on
// SQLite against 1–3 nodes on PostgreSQL + Redis (tests/bench/cluster/index.ts); `help-search` is help center search over
// 10,000 articles on SQLite and PostgreSQL against a primary-key read (tests/bench/server/help-search.ts).
import { runServerBench } from './server/index';
import { runConsoleBench } from './console/index';
import { runRendererBench } from './renderer/index';
import { runSyncFramesBench } from './renderer/sync-frames';
import { runClusterBench } from './cluster/index';
import { runHelpSearchBench } from './server/help-search';

const parts: Record<string, () => Promise<void>> = {
  server: runServerBench,
  console: runConsoleBench,
  renderer: runRendererBench,
  'sync-frames': runSyncFramesBench,
  cluster: runClusterBench,
  'help-search': runHelpSearchBench,
};
const asked = process.argv.slice(2).filter((a) => a in parts);
const started = Date.now();
for (const name of asked.length > 0 ? asked : Object.keys(parts)) {
  console.log(`\n=== bench: ${name} ===`);
  await parts[name]!();
}
console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
