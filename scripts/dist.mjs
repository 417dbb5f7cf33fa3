// `npm run dist:*` and the release workflow: runs electron-builder with the arguments given, adding the
// update feed when SWITCHBOARD_UPDATE_URL is set (electron-builder.yml itself needs no variable to build).
// Without a feed the installers work but never update themselves; this says so.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const feed = process.env.SWITCHBOARD_UPDATE_URL?.trim();
if (feed) {
  if (!/^https?:\/\//.test(feed)) {
    console.error(`dist: SWITCHBOARD_UPDATE_URL must be an http(s) URL, got "${feed}"`);
    process.exit(1);
  }
  args.push('-c.publish.provider=generic', `-c.publish.url=${feed}`, '-c.publish.channel=latest');
  console.log(`dist: update feed ${feed}`);
} else {
  console.warn('dist: SWITCHBOARD_UPDATE_URL is not set: these installers will not update themselves');
}
if (!args.includes('--publish')) args.push('--publish', 'never');
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
