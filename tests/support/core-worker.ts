// Runs the console core in a worker thread for tests (the desktop app runs the same code in an Electron
// utilityProcess): bundles tests/support/core-worker-entry.ts once, and adapts a Worker to a CoreChild.
import { build } from 'esbuild';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CoreChild } from '../../src-main/core/core-supervisor';
import { portTransport } from '../../src-main/core/port-transport';
import { nodePortEnds } from './node-port';
import type { FrameTransport } from '../../src-shared/console-protocol';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles the worker entry next to the repo's node_modules (dependencies stay external, as in the app). */
export async function buildCoreWorker(): Promise<string> {
  const outfile = join(repo, 'test-artifacts', 'core-worker', `entry-${process.pid}.mjs`);
  await build({
    entryPoints: [join(repo, 'tests/support/core-worker-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

export interface WorkerCoreChild extends CoreChild<MessagePort> {
  /** Ends the thread at once, as a crash would (no shutdown message, nothing flushed by the core). */
  crash(): Promise<void>;
}

export function workerCoreChild(entry: string): WorkerCoreChild {
  const worker = new Worker(entry);
  // An uncaught error in the core ends the thread (and emits 'exit'); it must not fail the test process.
  worker.on('error', () => undefined);
  return {
    post: (message, ports = []) => worker.postMessage({ data: message, ports }, ports),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: (listener) => void worker.once('exit', listener),
    kill: () => void worker.terminate(),
    crash: async () => void (await worker.terminate()),
  };
}

/** A new connection: the core end goes to the supervisor, the client end becomes a transport. */
export function portPair(): { coreEnd: MessagePort; client: FrameTransport } {
  const { port1, port2 } = new MessageChannel();
  return { coreEnd: port2, client: portTransport(nodePortEnds(port1)) };
}
