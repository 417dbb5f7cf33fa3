// Uncaught exceptions and unhandled rejections while the in-process server runs: each one would have killed a real
// server process, so the fuzz properties count them as crashes (and keep the test process alive to say so).
export interface CrashWatch {
  readonly crashes: string[];
  stop(): void;
}

export function watchCrashes(): CrashWatch {
  const crashes: string[] = [];
  const onError = (e: unknown) => crashes.push(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n') ?? ''}` : String(e));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    crashes,
    stop() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}
