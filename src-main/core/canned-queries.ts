// The canned responses this specialist may use: the server's list when connected (it replaces the cached one, so a
// response deleted meanwhile is gone), the cached list offline — the composer keeps working on a plane.
import type { z } from 'zod';
import type { ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { ok, type Result } from '../../src-shared/result';
import type { Cache } from './cache/open-cache';
import type { FromServer } from './server-first-queries';

type In = z.output<(typeof consoleMethods)['listCanned']>;

export function createCannedQueries(deps: { cache: Cache; fromServer: FromServer }) {
  const { cache, fromServer } = deps;
  return {
    async listCanned(_input: In): Promise<Result<ConsoleResults['listCanned']>> {
      const live = await fromServer('canned:list', {});
      if (live?.ok) cache.canned.replaceAll(live.value);
      if (live) return live;
      return ok(cache.canned.list());
    },
  };
}
