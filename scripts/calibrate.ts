/**
 * npm run calibrate -- FILE.jsonl [FILE.jsonl…]
 * How often the top answer is right at each confidence, from `npm run eval` output (one JSON
 * line per image; its closing summary line is skipped). Prints a Markdown table by confidence
 * bin, how the thresholds in src/shared/answer-words.ts split the answers, and the structure
 * (neighbour correlation) of the pictures, for docs/CALIBRATION.md. Redo it after any change to
 * the model or the preprocessing:
 *   npm run eval -- --images ../shared/eval/imagenet-samples-dev --backend wasm > dev.jsonl
 *   npm run eval -- --images tests/e2e/fixtures/card/not-photos --backend wasm > not-photos.jsonl
 *   npm run calibrate -- dev.jsonl not-photos.jsonl
 */
import { readFile } from 'node:fs/promises';
import { CALIBRATION, certaintyOf } from '../src/shared/calibration';

interface Row { file: string; probability: number; second?: number; structure?: number; top1: boolean; label?: string }

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run calibrate -- eval-output.jsonl [more.jsonl]');
  process.exit(2);
}
const rows: Row[] = [];
for (const file of files) {
  for (const line of (await readFile(file, 'utf8')).split(/\r?\n/)) if (line.startsWith('{')) rows.push(JSON.parse(line) as Row);
}

const share = (part: number, all: number): string => (all ? `${Math.round((100 * part) / all)}%` : '—');
const EDGES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

console.log(`${rows.length} answers from ${files.join(', ')}\n`);
console.log('| top-1 confidence | answers | right | right % |\n| --- | --- | --- | --- |');
for (let i = 0; i + 1 < EDGES.length; i++) {
  const low = EDGES[i]!;
  const high = EDGES[i + 1]!;
  const bin = rows.filter((row) => row.probability >= low && row.probability < high);
  const right = bin.filter((row) => row.top1).length;
  console.log(`| ${low.toFixed(1)}–${Math.min(1, high).toFixed(1)} | ${bin.length} | ${right} | ${share(right, bin.length)} |`);
}

console.log(`\nThresholds: sure ≥ ${CALIBRATION.sure}, not sure < ${CALIBRATION.unsure} or structure < ${CALIBRATION.structure}\n`);
console.log('| words | answers | right | right % |\n| --- | --- | --- | --- |');
for (const certainty of ['sure', 'probably', 'unsure'] as const) {
  const group = rows.filter((row) =>
    certaintyOf({ predictions: [{ label: '', synonyms: [], classIndex: 0, probability: row.probability }], structure: row.structure }) === certainty);
  const right = group.filter((row) => row.top1).length;
  console.log(`| ${certainty} | ${group.length} | ${right} | ${share(right, group.length)} |`);
}

const structures = rows.filter((row) => row.structure !== undefined).sort((a, b) => a.structure! - b.structure!);
console.log('\nLowest structure (neighbour correlation):');
for (const row of structures.slice(0, 8)) console.log(`  ${row.structure!.toFixed(3)}  ${row.file}  (${row.label} ${row.probability})`);
