// Draws the app icon (a rounded blue tile with three white "switch" dots joined by lines) and writes it
// as PNG files with zlib only (encoder in png.mjs): run `node assets/make-icon.mjs` after changing the design.
import { writeFileSync } from 'node:fs';
import { png } from './png.mjs';

const clamp = (v) => Math.max(0, Math.min(1, v));
const dots = [
  [0.3, 0.34],
  [0.7, 0.5],
  [0.34, 0.7],
];
const segDist = (px, py, [ax, ay], [bx, by]) => {
  const t = clamp(((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

function pixel(x, y, px) {
  // Rounded square with a 6% margin, corner radius 22%; edges anti-aliased over one pixel.
  const m = 0.06, r = 0.22;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0);
  const tile = clamp((r - Math.hypot(qx, qy)) / px + 0.5);
  if (tile === 0) return [0, 0, 0, 0];
  const top = [47, 128, 237], bottom = [28, 70, 160];
  let [cr, cg, cb] = top.map((c, i) => c + (bottom[i] - c) * y);
  const line = Math.min(segDist(x, y, dots[0], dots[1]), segDist(x, y, dots[1], dots[2]));
  const dot = Math.min(...dots.map(([dx, dy]) => Math.hypot(x - dx, y - dy)));
  const white = Math.max(clamp((0.025 - line) / px + 0.5), clamp((0.085 - dot) / px + 0.5));
  [cr, cg, cb] = [cr, cg, cb].map((c) => c + (255 - c) * white);
  return [Math.round(cr), Math.round(cg), Math.round(cb), Math.round(255 * tile)];
}

const dir = new URL('.', import.meta.url);
writeFileSync(new URL('icon.png', dir), png(1024, pixel));
writeFileSync(new URL('icon-512.png', dir), png(512, pixel));
process.stdout.write('assets: wrote icon.png (1024) and icon-512.png (512)\n');
