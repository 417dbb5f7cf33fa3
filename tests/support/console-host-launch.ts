// The browser-mode console host prints its launch URL (with the per-launch secret) as one JSON line on stdout;
// this waits for it. Used wherever a test or bench starts the host as its own process.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export function consoleHostUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { consoleUrl?: string };
        if (parsed.consoleUrl) ok(parsed.consoleUrl);
      } catch {
        // not the launch line
      }
    });
    child.once('exit', (code) => fail(new Error(`console host exited with ${code} before printing its URL`)));
  });
}
