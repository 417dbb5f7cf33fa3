// Where the console window was and how big, kept in the user data folder between launches.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
});
export type WindowBounds = z.infer<typeof boundsSchema>;
const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

export function windowStateStore(userData: string) {
  const file = join(userData, 'window-state.json');
  return {
    load(): WindowBounds {
      if (!existsSync(file)) return DEFAULT_BOUNDS;
      try {
        const parsed = boundsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : DEFAULT_BOUNDS;
      } catch {
        return DEFAULT_BOUNDS;
      }
    },
    save(bounds: WindowBounds): void {
      writeFileSync(`${file}.tmp`, JSON.stringify(bounds));
      renameSync(`${file}.tmp`, file);
    },
  };
}
