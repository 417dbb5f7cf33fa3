// The desktop app's environment, read once through a schema. Packaged apps normally see none of these;
// `npm start` and the Electron tests set them.
import { z } from 'zod';

const schema = z.object({
  /** The server a first start offers at sign-in (later the settings hold it). */
  SWITCHBOARD_SERVER_URL: z.url().default('http://127.0.0.1:4080'),
  /** Another user data folder (cache, settings, logs): tests and side-by-side profiles. */
  SWITCHBOARD_USER_DATA: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface DesktopConfig {
  serverUrl: string;
  /** SWITCHBOARD_SERVER_URL was set, not defaulted: the sign-in form offers it over a remembered one. */
  serverUrlGiven: boolean;
  userData: string | null;
  logLevel: string;
}

export function loadDesktopConfig(env: NodeJS.ProcessEnv = process.env): DesktopConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid desktop app configuration:\n${lines}`);
  }
  return { serverUrl: parsed.data.SWITCHBOARD_SERVER_URL, serverUrlGiven: env.SWITCHBOARD_SERVER_URL !== undefined, userData: parsed.data.SWITCHBOARD_USER_DATA ?? null, logLevel: parsed.data.LOG_LEVEL };
}
