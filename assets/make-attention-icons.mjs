// Draws the OS-attention icons of the desktop console (tray glyphs and Windows taskbar unread badges) and writes
// them as PNG files with zlib only: run `node assets/make-attention-icons.mjs` after changing the design.
//   tray/trayTemplate(@2x).png  macOS menu-bar template: black speech bubble, dots knocked out, alpha only
//   tray/tray(@2x).png          Windows/Linux tray: the same bubble in the brand blue of icon.png, white dots and halo
//   overlay/badge-N(@2x).png    taskbar overlay: red disc with a white count 1–9, badge-9plus for ten or more
// Every design is drawn in a 16-unit square (1 unit = 1 px at 16×16, 2 px at 32×32) and anti-aliased by supersampling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './png.mjs';

const SUPERSAMPLE = 8; // samples per pixel per axis

/** Renders `shade(u, v)` → [r, g, b, a] (colour 0–255, a 0–1, at a point in 16-unit space) into size×size RGBA. */
function render(size, shade) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = 16 / size;
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = shade((x + (sx + 0.5) / SUPERSAMPLE) * unit, (y + (sy + 0.5) / SUPERSAMPLE) * unit);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

// ---- Signed distances (negative inside), in units ----
const roundedRect = (u, v, x0, y0, x1, y1, radius) => {
  const qx = Math.abs(u - (x0 + x1) / 2) - ((x1 - x0) / 2 - radius);
  const qy = Math.abs(v - (y0 + y1) / 2) - ((y1 - y0) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const segment = (u, v, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
};
const triangle = (u, v, pts) => {
  // Exact distance to a triangle: distance to its edges, negative when inside (same side of all three edges).
  let d = Infinity, sign = 0;
  for (let i = 0; i < 3; i++) {
    const a = pts[i], b = pts[(i + 1) % 3];
    d = Math.min(d, segment(u, v, a, b));
    sign += Math.sign((b[0] - a[0]) * (v - a[1]) - (b[1] - a[1]) * (u - a[0]));
  }
  return Math.abs(sign) === 3 ? -d : d;
};

// ---- The speech bubble: rounded body, a tail at the lower left, three "typing" dots ----
// Straight edges and dots sit on whole units so the 16×16 rendering stays sharp.
const BODY = [1, 1, 15, 11, 3.5]; // x0, y0, x1, y1, corner radius
const TAIL = [[3, 9], [8, 10], [3, 15]];
const DOTS = [4, 8, 12].map((x) => [x, 6]); // 2×2 units each, slightly rounded
const bubble = (u, v) => Math.min(roundedRect(u, v, ...BODY), triangle(u, v, TAIL));
const dots = (u, v) => Math.min(...DOTS.map(([x, y]) => roundedRect(u, v, x - 1, y - 1, x + 1, y + 1, 0.6)));

const BLACK = [0, 0, 0];
const WHITE = [255, 255, 255];
const CLEAR = [0, 0, 0, 0];
// The gradient of icon.png (top → bottom), spread over the bubble's height.
const BRAND_TOP = [47, 128, 237], BRAND_BOTTOM = [28, 70, 160];
const brand = (v) => {
  const t = Math.max(0, Math.min(1, (v - BODY[1]) / (TAIL[2][1] - BODY[1])));
  return BRAND_TOP.map((c, i) => c + (BRAND_BOTTOM[i] - c) * t);
};

function trayTemplate(u, v) {
  return bubble(u, v) <= 0 && dots(u, v) > 0 ? [...BLACK, 1] : CLEAR;
}

const HALO = 1; // white ring, so the blue bubble also stands out on a dark taskbar
function trayColour(u, v) {
  const d = bubble(u, v);
  if (d > HALO) return CLEAR;
  if (d > 0 || dots(u, v) <= 0) return [...WHITE, 1];
  return [...brand(v), 1];
}

// ---- Badges: a red disc with a white number from a 5×7 bitmap font ----
const FONT = {
  1: ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  2: ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  3: ['.###.', '#...#', '....#', '..##.', '....#', '#...#', '.###.'],
  4: ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  5: ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  6: ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  7: ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  8: ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  9: ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
};
const FONT_H = 7;

/**
 * One glyph as a shape in units. At `pitch` 1 and `stroke` 0 each lit cell is a 1×1 square (the crisp bitmap, for 16×16);
 * otherwise lit cells become points `pitch` apart joined to their lit neighbours by round strokes `stroke` wide, which
 * turns the bitmap into smooth lettering at larger sizes (diagonal joins only where no orthogonal path exists).
 */
function glyphShape(ch, x0, y0, pitch, stroke) {
  const rows = FONT[ch];
  const lit = (cx, cy) => rows[cy]?.[cx] === '#';
  if (stroke === 0) {
    return (u, v) => lit(Math.floor((u - x0) / pitch), Math.floor((v - y0) / pitch));
  }
  const segs = [];
  for (let cy = 0; cy < FONT_H; cy++) {
    for (let cx = 0; cx < rows[cy].length; cx++) {
      if (!lit(cx, cy)) continue;
      const at = (x, y) => [x0 + (x + 0.5) * pitch, y0 + (y + 0.5) * pitch];
      segs.push([at(cx, cy), at(cx, cy)]);
      if (lit(cx + 1, cy)) segs.push([at(cx, cy), at(cx + 1, cy)]);
      if (lit(cx, cy + 1)) segs.push([at(cx, cy), at(cx, cy + 1)]);
      for (const dx of [-1, 1]) {
        if (lit(cx + dx, cy + 1) && !lit(cx + dx, cy) && !lit(cx, cy + 1)) segs.push([at(cx, cy), at(cx + dx, cy + 1)]);
      }
    }
  }
  return (u, v) => segs.some(([a, b]) => segment(u, v, a, b) <= stroke / 2);
}

const RED = [217, 48, 37]; // #d93025
/** Layout of `text` centred on the disc: crisp 1-unit cells at 16×16, smoothed strokes at 32×32. */
function badge(text, size) {
  const chars = [...text];
  const crisp = size <= 16;
  const pitch = crisp ? 1 : chars.length > 1 ? 0.95 : 1.3;
  const stroke = crisp ? 0 : chars.length > 1 ? 1.3 : 1.6;
  const gap = crisp ? 1 : 0.6;
  const widths = chars.map((ch) => FONT[ch][0].length * pitch);
  const width = widths.reduce((a, b) => a + b) + (chars.length - 1) * gap;
  // Centre on the disc; at 16×16 snap to whole pixels (rounding up, optically higher) so the bitmap stays sharp.
  const x0 = crisp ? Math.round(8 - width / 2) : 8 - width / 2;
  const y0 = crisp ? Math.floor(8 - (FONT_H * pitch) / 2) : 8 - (FONT_H * pitch) / 2;
  let x = x0;
  const glyphs = chars.map((ch, i) => {
    const shape = glyphShape(ch, x, y0, pitch, stroke);
    x += widths[i] + gap;
    return shape;
  });
  return (u, v) => {
    if (Math.hypot(u - 8, v - 8) > 8) return CLEAR;
    return glyphs.some((g) => g(u, v)) ? [...WHITE, 1] : [...RED, 1];
  };
}

const dir = new URL('.', import.meta.url);
const write = (path, size, shade) => {
  writeFileSync(new URL(path, dir), encodePng(size, size, render(size, shade)));
  return path;
};
mkdirSync(new URL('tray/', dir), { recursive: true });
mkdirSync(new URL('overlay/', dir), { recursive: true });
const written = [];
for (const [name, shade] of [['trayTemplate', trayTemplate], ['tray', trayColour]]) {
  written.push(write(`tray/${name}.png`, 16, shade), write(`tray/${name}@2x.png`, 32, shade));
}
for (const [name, text] of [...'123456789'].map((d) => [`badge-${d}`, d]).concat([['badge-9plus', '9+']])) {
  written.push(write(`overlay/${name}.png`, 16, badge(text, 16)), write(`overlay/${name}@2x.png`, 32, badge(text, 32)));
}
process.stdout.write(`assets: wrote ${written.length} attention icons (${written.join(', ')})\n`);
