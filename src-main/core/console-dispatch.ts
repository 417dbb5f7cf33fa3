// Routes one untrusted ConsoleApi call (method name + raw input) to the service: unknown method and bad
// input become error Results; the service only ever sees parsed, typed input. Used by IPC and the host.
import { consoleMethods, isConsoleMethod, type ConsoleHandlers, type ConsoleMethod } from '../../src-shared/console-api';
import { err, parseWith, type Result } from '../../src-shared/result';

export type ConsoleCommands = ConsoleHandlers;

export async function dispatchConsoleCall(service: ConsoleCommands, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isConsoleMethod(method)) return err('not_found', 'unknown method');
  const parsed = parseWith(consoleMethods[method], input ?? {}, method);
  if (!parsed.ok) return parsed;
  try {
    // The schema for `method` produced `parsed.value`, so the pairing is sound; TS cannot see it through the union.
    const call = service[method] as (input: unknown) => Promise<Result<unknown>>;
    return await call.call(service, parsed.value);
  } catch {
    // A throw is a bug in the service; the renderer gets no details.
    return err('internal', 'internal error');
  }
}

export type { ConsoleMethod };
