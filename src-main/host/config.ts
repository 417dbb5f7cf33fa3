// Browser-mode configuration, read once from the environment through a schema.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  SWITCHBOARD_SERVER_URL: z.url().default('http://127.0.0.1:4080'),
  /** 0 picks a free port. */
  SWITCHBOARD_CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SWITCHBOARD_CONSOLE_DATA: z.string().min(1).default('data/console'),
  SWITCHBOARD_RENDERER_DIR: z.string().min(1).default('dist/renderer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface HostConfig {
  serverUrl: string;
  /** SWITCHBOARD_SERVER_URL was set, not defaulted: the sign-in form offers it over a remembered one. */
  serverUrlGiven: boolean;
  port: number;
  dataDir: string;
  rendererDir: string;
  logLevel: string;
}

export function loadHostConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid console configuration:\n${lines}`);
  }
  const c = parsed.data;
  return {
    serverUrl: c.SWITCHBOARD_SERVER_URL,
    serverUrlGiven: env.SWITCHBOARD_SERVER_URL !== undefined,
    port: c.SWITCHBOARD_CONSOLE_PORT,
    dataDir: resolve(c.SWITCHBOARD_CONSOLE_DATA),
    rendererDir: resolve(c.SWITCHBOARD_RENDERER_DIR),
    logLevel: c.LOG_LEVEL,
  };
}
