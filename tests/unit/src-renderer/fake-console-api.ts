// An in-memory ConsoleApi for renderer unit tests: given handlers answer, everything else is `unavailable`;
// `emit` pushes change events; `calls` records what was asked.
import type { ConsoleApi, ConsoleEventName, ConsoleEvents } from '../../../src-shared/console-api';
import { err, type Result } from '../../../src-shared/result';

export type FakeHandlers = Partial<Record<keyof ConsoleApi, (input: never) => Promise<Result<unknown>>>>;

export function fakeConsoleApi(handlers: FakeHandlers) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: { method: string; input: unknown }[] = [];
  const api = new Proxy({} as ConsoleApi, {
    get: (_t, key: string) => {
      if (key === 'on')
        return (event: string, l: (p: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          set.add(l);
          listeners.set(event, set);
          return () => set.delete(l);
        };
      return async (input: unknown) => {
        calls.push({ method: key, input });
        const h = handlers[key as keyof ConsoleApi];
        return h ? h(input as never) : err('unavailable', `${key} not faked`);
      };
    },
  });
  const emit = <E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { api, emit, calls };
}
