// Draws the app icon (a rounded blue tile with three white "switch" dots joined by lines) and writes it
// as PNG files with zlib only: run `node assets/make-icon.mjs` after changing the design.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size, 1 / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

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
