/**
 * Runs in a browser page (bundled by make-not-photo-set.ts): draws pictures that are not photos
 * of a thing, each from a seed, with a canvas: charts, diagrams, drawings, pages of text, app
 * screens, maps and tables, in many sizes, palettes, fonts and styles. `drawPicture(kind, seed)`
 * returns a data URL (PNG, or JPEG at a random quality).
 */
export const KINDS = ['chart', 'diagram', 'drawing', 'text', 'screenshot', 'map', 'table'] as const;
export type Kind = (typeof KINDS)[number];

type Ctx = CanvasRenderingContext2D;

function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (low: number, high: number) => low + next() * (high - low);
  const int = (low: number, high: number) => Math.floor(between(low, high + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, between, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof generator>;

const PALETTES = [
  ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#dc2626', '#0891b2'],
  ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948'],
  ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02'],
  ['#003f5c', '#58508d', '#bc5090', '#ff6361', '#ffa600', '#444e86'],
  ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462'],
  ['#333333', '#777777', '#aaaaaa', '#555555', '#999999', '#cccccc'],
];
const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'Liberation Mono', 'DejaVu Sans Mono', 'sans-serif', 'serif'];
const WORDS = 'the of and to in is was for on that with as by at from this be are it an or which growth sales year total north south east west data value rate region market share month week report summary result item price score users account privacy display sound notifications battery network general about update language storage'.split(' ');

interface Theme { background: string; ink: string; faint: string; palette: string[]; font: string }

function theme(r: Rng): Theme {
  const dark = r.chance(0.2);
  return {
    background: dark ? r.pick(['#111827', '#1e1e1e', '#0f172a', '#202124']) : r.pick(['#ffffff', '#ffffff', '#fafafa', '#f8f9fa', '#fffdf5', '#f3f4f6']),
    ink: dark ? r.pick(['#e5e7eb', '#ffffff', '#d1d5db']) : r.pick(['#111111', '#1f2937', '#333333', '#000000']),
    faint: dark ? '#374151' : r.pick(['#e5e7eb', '#dddddd', '#eeeeee', '#d1d5db']),
    palette: r.pick(PALETTES),
    font: r.pick(FONTS),
  };
}

const words = (r: Rng, count: number) => Array.from({ length: count }, () => r.pick(WORDS)).join(' ');
const title = (r: Rng, count: number) => { const w = words(r, count); return w.charAt(0).toUpperCase() + w.slice(1); };

function text(c: Ctx, th: Theme, value: string, x: number, y: number, size: number, options: { bold?: boolean; colour?: string; align?: CanvasTextAlign } = {}): void {
  c.font = `${options.bold ? 'bold ' : ''}${Math.round(size)}px ${th.font}`;
  c.fillStyle = options.colour ?? th.ink;
  c.textAlign = options.align ?? 'left';
  c.textBaseline = 'middle';
  c.fillText(value, x, y);
}

function axes(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const box = { left: w * r.between(0.08, 0.16), right: w * r.between(0.9, 0.97), top: h * r.between(0.12, 0.2), bottom: h * r.between(0.8, 0.9) };
  const fs = Math.max(9, Math.min(w, h) * r.between(0.03, 0.05));
  if (r.chance(0.8)) text(c, th, title(r, r.int(2, 5)), w / 2, box.top / 2, fs * 1.2, { bold: true, align: 'center' });
  const lines = r.int(3, 8);
  c.strokeStyle = th.faint;
  c.lineWidth = 1;
  for (let i = 0; i <= lines; i++) {
    const y = box.bottom - ((box.bottom - box.top) * i) / lines;
    if (r.chance(0.85)) { c.beginPath(); c.moveTo(box.left, Math.round(y) + 0.5); c.lineTo(box.right, Math.round(y) + 0.5); c.stroke(); }
    text(c, th, String(i * r.pick([5, 10, 20, 25, 100])), box.left - 4, y, fs * 0.8, { align: 'right' });
  }
  c.strokeStyle = th.ink;
  c.lineWidth = r.pick([1, 1, 2]);
  c.beginPath(); c.moveTo(box.left, box.top); c.lineTo(box.left, box.bottom); c.lineTo(box.right, box.bottom); c.stroke();
  return { ...box, fs };
}

function chart(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const style = r.pick(['bars', 'bars', 'hbars', 'pie', 'donut', 'line', 'area', 'scatter', 'stacked']);
  if (style === 'pie' || style === 'donut') {
    const cx = w * r.between(0.35, 0.5), cy = h * 0.55, radius = Math.min(w, h) * r.between(0.28, 0.4);
    const values = Array.from({ length: r.int(3, 7) }, () => r.between(0.5, 3));
    const total = values.reduce((a, b) => a + b, 0);
    let angle = -Math.PI / 2;
    values.forEach((v, i) => {
      const next = angle + (v / total) * Math.PI * 2;
      c.beginPath(); c.moveTo(cx, cy); c.arc(cx, cy, radius, angle, next); c.closePath();
      c.fillStyle = th.palette[i % th.palette.length]!; c.fill();
      if (r.chance(0.6)) { c.strokeStyle = th.background; c.lineWidth = 2; c.stroke(); }
      angle = next;
    });
    if (style === 'donut') { c.beginPath(); c.arc(cx, cy, radius * 0.55, 0, Math.PI * 2); c.fillStyle = th.background; c.fill(); }
    const fs = Math.max(9, Math.min(w, h) * 0.04);
    values.forEach((_, i) => {
      const y = h * 0.25 + i * fs * 1.8;
      c.fillStyle = th.palette[i % th.palette.length]!; c.fillRect(w * 0.78, y - fs / 2, fs, fs);
      text(c, th, r.pick(WORDS), w * 0.78 + fs * 1.5, y, fs);
    });
    if (r.chance(0.7)) text(c, th, title(r, 3), w / 2, h * 0.08, fs * 1.3, { bold: true, align: 'center' });
    return;
  }
  const box = axes(c, r, th, w, h);
  const n = r.int(3, 12);
  const series = style === 'line' || style === 'area' || style === 'stacked' ? r.int(1, 3) : 1;
  const width = box.right - box.left, height = box.bottom - box.top;
  if (style === 'bars' || style === 'hbars' || style === 'stacked') {
    const slot = (style === 'hbars' ? height : width) / n;
    const gap = slot * r.between(0.1, 0.45);
    const single = r.chance(0.5);
    for (let i = 0; i < n; i++) {
      let base = 0;
      for (let s = 0; s < series; s++) {
        const v = r.between(0.1, style === 'stacked' ? 0.9 / series : 0.95);
        c.fillStyle = single && series === 1 ? th.palette[0]! : th.palette[(i + s) % th.palette.length]!;
        if (style === 'hbars') c.fillRect(box.left + 1, box.top + i * slot + gap / 2, v * width, slot - gap);
        else c.fillRect(box.left + i * slot + gap / 2, box.bottom - (base + v) * height, slot - gap, v * height);
        base += v;
      }
      if (style !== 'hbars') text(c, th, r.pick(WORDS).slice(0, 4), box.left + (i + 0.5) * slot, box.bottom + box.fs, box.fs * 0.8, { align: 'center' });
    }
    return;
  }
  for (let s = 0; s < series; s++) {
    let v = r.between(0.2, 0.8);
    const count = style === 'scatter' ? r.int(20, 80) : n * 2;
    const points = Array.from({ length: count }, (_, i) => {
      v = Math.min(0.98, Math.max(0.02, v + r.between(-0.15, 0.15)));
      return style === 'scatter' ? [box.left + r.next() * width, box.bottom - r.next() * height] : [box.left + (i / (count - 1)) * width, box.bottom - v * height];
    });
    c.strokeStyle = c.fillStyle = th.palette[s % th.palette.length]!;
    if (style === 'scatter') { for (const [x, y] of points) { c.beginPath(); c.arc(x!, y!, r.between(2, 5), 0, Math.PI * 2); c.fill(); } continue; }
    c.lineWidth = r.between(1.5, 4);
    c.beginPath(); points.forEach(([x, y], i) => (i ? c.lineTo(x!, y!) : c.moveTo(x!, y!)));
    if (style === 'area') { c.lineTo(box.right, box.bottom); c.lineTo(box.left, box.bottom); c.globalAlpha = 0.5; c.fill(); c.globalAlpha = 1; }
    else c.stroke();
  }
}

function diagram(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const cols = r.int(2, 4), rows = r.int(2, 4);
  const fs = Math.max(9, Math.min(w, h) * r.between(0.03, 0.05));
  const boxes: [number, number, number, number][] = [];
  for (let i = 0; i < cols; i++) for (let j = 0; j < rows; j++) {
    if (r.chance(0.3)) continue;
    const bw = (w / cols) * r.between(0.5, 0.7), bh = (h / rows) * r.between(0.35, 0.55);
    const x = (w / cols) * (i + 0.5) - bw / 2, y = (h / rows) * (j + 0.5) - bh / 2;
    boxes.push([x, y, bw, bh]);
  }
  c.strokeStyle = th.ink; c.lineWidth = r.pick([1, 1.5, 2, 3]);
  for (let i = 1; i < boxes.length; i++) {
    const [ax, ay, aw, ah] = boxes[i - 1]!, [bx, by, bw, bh] = boxes[i]!;
    const x1 = ax + aw / 2, y1 = ay + ah / 2, x2 = bx + bw / 2, y2 = by + bh / 2;
    c.beginPath(); c.moveTo(x1, y1); if (r.chance(0.5)) { c.lineTo(x1, y2); c.lineTo(x2, y2); } else c.lineTo(x2, y2); c.stroke();
    const angle = Math.atan2(y2 - y1, x2 - x1);
    c.beginPath(); c.moveTo(x2 - Math.cos(angle) * bw / 2, y2 - Math.sin(angle) * bh / 2); c.lineTo(x2 - Math.cos(angle - 0.4) * (bw / 2 + 10), y2 - Math.sin(angle - 0.4) * (bh / 2 + 10)); c.stroke();
  }
  const fill = r.chance(0.6);
  boxes.forEach(([x, y, bw, bh], i) => {
    c.beginPath();
    if (r.chance(0.3)) c.ellipse(x + bw / 2, y + bh / 2, bw / 2, bh / 2, 0, 0, Math.PI * 2);
    else if (c.roundRect) c.roundRect(x, y, bw, bh, r.pick([0, 4, 10]));
    else c.rect(x, y, bw, bh);
    c.fillStyle = fill ? th.palette[i % th.palette.length]! : th.background; c.fill(); c.stroke();
    text(c, th, title(r, r.int(1, 2)), x + bw / 2, y + bh / 2, fs, { align: 'center', colour: fill && r.chance(0.5) ? '#ffffff' : th.ink });
  });
}

function wobblyLine(c: Ctx, r: Rng, points: [number, number][], wobble: number) {
  c.beginPath();
  points.forEach(([x, y], i) => (i ? c.lineTo(x + r.between(-wobble, wobble), y + r.between(-wobble, wobble)) : c.moveTo(x, y)));
  c.stroke();
}

function drawing(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const s = Math.min(w, h);
  const wobble = r.pick([0, 0, 1, 2, 3]);
  c.lineCap = 'round'; c.lineJoin = 'round';
  c.strokeStyle = r.chance(0.7) ? th.ink : th.palette[0]!;
  c.lineWidth = r.between(1.5, s * 0.02);
  const figures = r.int(1, 3);
  for (let f = 0; f < figures; f++) {
    const cx = (w / (figures + 1)) * (f + 1) + r.between(-20, 20), top = h * r.between(0.15, 0.3), size = s * r.between(0.35, 0.6);
    const what = r.pick(['stick', 'stick', 'house', 'sun', 'tree', 'flower', 'cat', 'car']);
    const fillShapes = r.chance(0.4);
    if (what === 'stick') {
      c.beginPath(); c.arc(cx, top + size * 0.12, size * 0.12, 0, Math.PI * 2); c.stroke();
      if (fillShapes) { c.fillStyle = r.pick(['#fcd34d', '#fde68a', '#fbcfe8']); c.fill(); c.stroke(); }
      wobblyLine(c, r, [[cx, top + size * 0.24], [cx, top + size * 0.65]], wobble);
      wobblyLine(c, r, [[cx - size * 0.25, top + size * r.between(0.3, 0.45)], [cx, top + size * 0.38], [cx + size * 0.25, top + size * r.between(0.25, 0.45)]], wobble);
      wobblyLine(c, r, [[cx - size * 0.2, top + size], [cx, top + size * 0.65], [cx + size * 0.2, top + size]], wobble);
    } else if (what === 'house') {
      c.fillStyle = th.palette[1]!;
      c.beginPath(); c.rect(cx - size * 0.3, top + size * 0.4, size * 0.6, size * 0.55); if (fillShapes) c.fill(); c.stroke();
      c.beginPath(); c.moveTo(cx - size * 0.38, top + size * 0.42); c.lineTo(cx, top); c.lineTo(cx + size * 0.38, top + size * 0.42); c.closePath();
      c.fillStyle = th.palette[0]!; if (fillShapes) c.fill(); c.stroke();
      c.strokeRect(cx - size * 0.08, top + size * 0.7, size * 0.16, size * 0.25);
    } else if (what === 'sun') {
      c.beginPath(); c.arc(cx, top + size / 2, size * 0.2, 0, Math.PI * 2); c.fillStyle = '#facc15'; if (fillShapes) c.fill(); c.stroke();
      for (let i = 0; i < 10; i++) { const a = (i / 10) * Math.PI * 2; wobblyLine(c, r, [[cx + Math.cos(a) * size * 0.26, top + size / 2 + Math.sin(a) * size * 0.26], [cx + Math.cos(a) * size * 0.42, top + size / 2 + Math.sin(a) * size * 0.42]], wobble); }
    } else if (what === 'tree') {
      c.fillStyle = '#92400e'; c.beginPath(); c.rect(cx - size * 0.06, top + size * 0.5, size * 0.12, size * 0.45); if (fillShapes) c.fill(); c.stroke();
      c.fillStyle = '#22c55e'; c.beginPath(); c.arc(cx, top + size * 0.32, size * 0.3, 0, Math.PI * 2); if (fillShapes) c.fill(); c.stroke();
    } else if (what === 'flower') {
      wobblyLine(c, r, [[cx, top + size * 0.35], [cx, top + size]], wobble);
      for (let i = 0; i < 6; i++) { const a = (i / 6) * Math.PI * 2; c.beginPath(); c.arc(cx + Math.cos(a) * size * 0.14, top + size * 0.25 + Math.sin(a) * size * 0.14, size * 0.09, 0, Math.PI * 2); c.fillStyle = th.palette[3]!; if (fillShapes) c.fill(); c.stroke(); }
    } else if (what === 'cat') {
      c.beginPath(); c.arc(cx, top + size * 0.35, size * 0.22, 0, Math.PI * 2); c.stroke();
      wobblyLine(c, r, [[cx - size * 0.2, top + size * 0.25], [cx - size * 0.16, top + size * 0.05], [cx - size * 0.05, top + size * 0.15]], wobble);
      wobblyLine(c, r, [[cx + size * 0.2, top + size * 0.25], [cx + size * 0.16, top + size * 0.05], [cx + size * 0.05, top + size * 0.15]], wobble);
      c.beginPath(); c.arc(cx - size * 0.08, top + size * 0.32, size * 0.02, 0, Math.PI * 2); c.arc(cx + size * 0.08, top + size * 0.32, size * 0.02, 0, Math.PI * 2); c.stroke();
      for (const side of [-1, 1]) wobblyLine(c, r, [[cx + side * size * 0.05, top + size * 0.42], [cx + side * size * 0.35, top + size * 0.38]], wobble);
    } else {
      c.fillStyle = th.palette[2]!;
      c.beginPath(); c.rect(cx - size * 0.4, top + size * 0.4, size * 0.8, size * 0.25); if (fillShapes) c.fill(); c.stroke();
      c.beginPath(); c.rect(cx - size * 0.2, top + size * 0.22, size * 0.4, size * 0.18); c.stroke();
      for (const side of [-1, 1]) { c.beginPath(); c.arc(cx + side * size * 0.25, top + size * 0.68, size * 0.1, 0, Math.PI * 2); c.stroke(); }
    }
  }
  if (r.chance(0.3)) { c.strokeStyle = '#16a34a'; wobblyLine(c, r, [[0, h * 0.92], [w, h * 0.9]], wobble); }
}

function paragraph(c: Ctx, r: Rng, th: Theme, x: number, y: number, width: number, lines: number, size: number): number {
  for (let i = 0; i < lines; i++) {
    const line = words(r, 30);
    c.font = `${Math.round(size)}px ${th.font}`;
    let fitted = line;
    while (fitted.length > 3 && c.measureText(fitted).width > width * (i === lines - 1 ? r.between(0.3, 0.9) : 1)) fitted = fitted.slice(0, fitted.lastIndexOf(' '));
    text(c, th, fitted, x, y, size);
    y += size * r.between(1.3, 1.7);
  }
  return y;
}

function textPage(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const size = r.between(9, 22) * Math.max(1, w / 900);
  const columns = r.pick([1, 1, 1, 2]);
  const margin = w * r.between(0.04, 0.1);
  let y = size * 2;
  if (r.chance(0.7)) { text(c, th, title(r, r.int(2, 6)), margin, y, size * 1.8, { bold: true }); y += size * 3; }
  const colWidth = (w - margin * 2 - (columns - 1) * 20) / columns;
  for (let col = 0; col < columns; col++) {
    let cy = y;
    while (cy < h) cy = paragraph(c, r, th, margin + col * (colWidth + 20), cy, colWidth, r.int(3, 8), size) + size;
  }
}

function screenshot(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const accent = th.palette[0]!;
  const fs = Math.max(10, Math.min(24, h * r.between(0.025, 0.045)));
  const bar = fs * 3;
  c.fillStyle = r.chance(0.5) ? accent : th.faint; c.fillRect(0, 0, w, bar);
  text(c, th, title(r, 2), fs, bar / 2, fs * 1.2, { bold: true, colour: r.chance(0.5) ? '#ffffff' : th.ink });
  const layout = r.pick(['settings', 'list', 'web', 'chat']);
  let y = bar + fs;
  let sideW = 0;
  if (layout === 'web' && w > 500) {
    sideW = w * 0.22; c.fillStyle = th.faint; c.fillRect(0, bar, sideW, h - bar);
    for (let i = 0; i < 10; i++) text(c, th, title(r, 1), fs, bar + fs * (1.5 + i * 2), fs);
  }
  while (y < h - fs) {
    const x = sideW + fs;
    if (layout === 'settings' || layout === 'list') {
      const rowH = fs * r.between(2.6, 3.6);
      if (layout === 'list' && r.chance(0.7)) { c.fillStyle = th.palette[r.int(0, 5)]!; c.beginPath(); c.arc(x + fs, y + rowH / 2, fs * 0.9, 0, Math.PI * 2); c.fill(); }
      text(c, th, title(r, r.int(1, 3)), x + (layout === 'list' ? fs * 2.6 : 0), y + rowH / 2 - (r.chance(0.5) ? fs * 0.5 : 0), fs);
      if (layout === 'settings') {
        const on = r.chance(0.5), tw = fs * 2.4, tx = w - fs - tw, ty = y + rowH / 2 - fs * 0.6;
        c.fillStyle = on ? accent : '#9ca3af';
        c.beginPath(); if (c.roundRect) c.roundRect(tx, ty, tw, fs * 1.2, fs * 0.6); else c.rect(tx, ty, tw, fs * 1.2); c.fill();
        c.fillStyle = '#ffffff'; c.beginPath(); c.arc(on ? tx + tw - fs * 0.6 : tx + fs * 0.6, ty + fs * 0.6, fs * 0.48, 0, Math.PI * 2); c.fill();
      }
      c.fillStyle = th.faint; c.fillRect(x, Math.round(y + rowH), w - x, 1);
      y += rowH;
    } else if (layout === 'web') {
      if (r.chance(0.3)) {
        const bw = fs * r.between(6, 10);
        c.fillStyle = accent; c.beginPath(); if (c.roundRect) c.roundRect(x, y, bw, fs * 2, 6); else c.rect(x, y, bw, fs * 2); c.fill();
        text(c, th, title(r, 1), x + bw / 2, y + fs, fs, { align: 'center', colour: '#ffffff' });
        y += fs * 3;
      } else y = paragraph(c, r, th, x, y, w - x - fs, r.int(2, 4), fs) + fs;
    } else {
      const mine = r.chance(0.5), bw = (w - x) * r.between(0.3, 0.65), bh = fs * r.int(2, 4) * 1.2;
      const bx = mine ? w - fs - bw : x;
      c.fillStyle = mine ? accent : th.faint;
      c.beginPath(); if (c.roundRect) c.roundRect(bx, y, bw, bh, fs); else c.rect(bx, y, bw, bh); c.fill();
      text(c, th, words(r, 4), bx + fs * 0.8, y + fs * 1.2, fs * 0.9, { colour: mine ? '#ffffff' : th.ink });
      y += bh + fs;
    }
  }
}

function map(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const land = r.pick(['#f2efe9', '#e8f0d8', '#f5f3ee', '#eae6df', '#dfe8cf']);
  const water = r.pick(['#aad3df', '#a5c8f0', '#b3d1ff', '#9fc5e8']);
  c.fillStyle = land; c.fillRect(0, 0, w, h);
  const political = r.chance(0.35);
  const cells = r.int(5, 14);
  for (let i = 0; i < cells; i++) {
    const cx = r.next() * w, cy = r.next() * h, rad = Math.min(w, h) * r.between(0.1, 0.35);
    c.beginPath();
    const corners = r.int(6, 12);
    for (let k = 0; k < corners; k++) {
      const a = (k / corners) * Math.PI * 2, d = rad * r.between(0.6, 1.2);
      if (k) c.lineTo(cx + Math.cos(a) * d, cy + Math.sin(a) * d);
      else c.moveTo(cx + Math.cos(a) * d, cy + Math.sin(a) * d);
    }
    c.closePath();
    c.fillStyle = political ? th.palette[i % th.palette.length]! : r.pick([water, '#c8e6c0', '#d8e8c8', land, '#e0dfdf']);
    c.globalAlpha = political ? 0.6 : 1; c.fill(); c.globalAlpha = 1;
    if (political) { c.strokeStyle = '#ffffff'; c.lineWidth = 1.5; c.stroke(); }
  }
  for (let i = 0; i < r.int(4, 14); i++) {
    c.strokeStyle = r.pick(['#ffffff', '#f7c873', '#fbe3a1', '#e892a2']);
    c.lineWidth = r.between(2, 7);
    let x = r.next() * w, y = r.next() * h;
    c.beginPath(); c.moveTo(x, y);
    for (let k = 0; k < 6; k++) { x += r.between(-w / 3, w / 3); y += r.between(-h / 3, h / 3); c.lineTo(x, y); }
    c.stroke();
  }
  for (let i = 0; i < r.int(3, 10); i++) text(c, th, title(r, 1), r.next() * w, r.next() * h, r.between(9, 16), { colour: '#444444', bold: r.chance(0.3) });
  if (r.chance(0.5)) { c.fillStyle = '#ea4335'; const x = r.next() * w, y = r.next() * h; c.beginPath(); c.arc(x, y, 8, 0, Math.PI * 2); c.fill(); }
}

function table(c: Ctx, r: Rng, th: Theme, w: number, h: number) {
  const cols = r.int(3, 7), fs = Math.max(9, Math.min(20, h * r.between(0.025, 0.045)));
  const rowH = fs * r.between(1.8, 2.6), colW = w / cols;
  const zebra = r.chance(0.5), grid = r.chance(0.6);
  for (let row = 0, y = 0; y < h; row++, y += rowH) {
    if (row === 0) { c.fillStyle = r.chance(0.5) ? th.palette[0]! : th.faint; c.fillRect(0, y, w, rowH); }
    else if (zebra && row % 2) { c.fillStyle = th.faint; c.fillRect(0, y, w, rowH); }
    for (let col = 0; col < cols; col++) {
      const value = row === 0 ? title(r, 1) : col === 0 ? title(r, 1) : (r.next() * r.pick([10, 100, 1000])).toFixed(r.pick([0, 1, 2]));
      text(c, th, value, col * colW + fs * 0.5, y + rowH / 2, fs, { bold: row === 0 });
    }
    if (grid) { c.fillStyle = th.ink; c.globalAlpha = 0.3; c.fillRect(0, Math.round(y + rowH), w, 1); c.globalAlpha = 1; }
  }
  if (grid) for (let col = 1; col < cols; col++) { c.fillStyle = th.ink; c.globalAlpha = 0.3; c.fillRect(Math.round(col * colW), 0, 1, h); c.globalAlpha = 1; }
}

const DRAW: Record<Kind, (c: Ctx, r: Rng, th: Theme, w: number, h: number) => void> = { chart, diagram, drawing, text: textPage, screenshot, map, table };

export function drawPicture(kind: Kind, seed: number): { dataUrl: string; width: number; height: number; type: string } {
  const r = generator(seed * 7919 + KINDS.indexOf(kind));
  const width = r.int(240, 1100);
  const height = Math.round(width * r.pick([0.56, 0.66, 0.75, 1, 1.33, r.between(0.5, 1.6)]));
  const canvas = document.createElement('canvas');
  canvas.width = width; canvas.height = height;
  const c = canvas.getContext('2d')!;
  // Crisp (no smoothing) drawings for some: translated by half a pixel, lines land on whole pixels.
  c.imageSmoothingEnabled = r.chance(0.5);
  const th = theme(r);
  c.fillStyle = th.background; c.fillRect(0, 0, width, height);
  DRAW[kind](c, r, th, width, height);
  const jpeg = r.chance(0.45);
  const type = jpeg ? 'image/jpeg' : 'image/png';
  return { dataUrl: canvas.toDataURL(type, jpeg ? r.between(0.5, 0.92) : undefined), width, height, type };
}
