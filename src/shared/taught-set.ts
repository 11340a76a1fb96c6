/**
 * The classes taught by example: their names and examples (a MobileNetV2 embedding and a small
 * thumbnail each). Kept in the typed store (schema version TAUGHT_VERSION, migrations below) and
 * shared as one JSON file of the same shape. Pure: every change returns a new set.
 */
import { EMBEDDING_LENGTH } from './custom-models';
import { array, number, object, string, type Infer } from './validate';

export const TAUGHT_VERSION = 2;
/** The file a teacher shares: `{ format, version, classes }`. */
export const TAUGHT_FILE_FORMAT = 'glimpse-taught-classes';

export const taughtExample = object({
  id: string,
  /** EMBEDDING_LENGTH float32s, base64 (about 7 KB). */
  embedding: string,
  /** A small JPEG data URL. */
  thumbnail: string,
  addedAt: number,
});
export type TaughtExample = Infer<typeof taughtExample>;
export const taughtClass = object({ name: string, examples: array(taughtExample) });
export type TaughtClass = Infer<typeof taughtClass>;
export const taughtSet = object({ classes: array(taughtClass) });
export type TaughtSet = Infer<typeof taughtSet>;

export const EMPTY_TAUGHT: TaughtSet = { classes: [] };

/**
 * Version 1 (the first taught sets) was a flat list of examples, each naming its class, with
 * its embedding as a JSON array of numbers; version 2 groups examples by class and keeps each
 * embedding as base64 float32 (a third of the size).
 */
export const TAUGHT_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) => {
    const examples = (old as { examples?: unknown }).examples;
    if (!Array.isArray(examples)) return old;
    const classes: { name: string; examples: TaughtExample[] }[] = [];
    for (const item of examples as { label?: unknown; embedding?: unknown; thumbnail?: unknown; addedAt?: unknown; id?: unknown }[]) {
      if (typeof item.label !== 'string' || !Array.isArray(item.embedding)) continue;
      const name = item.label.trim();
      let group = classes.find((c) => c.name === name);
      if (!group) classes.push((group = { name, examples: [] }));
      group.examples.push({
        id: typeof item.id === 'string' ? item.id : crypto.randomUUID(),
        embedding: encodeEmbedding(Float32Array.from(item.embedding as number[])),
        thumbnail: typeof item.thumbnail === 'string' ? item.thumbnail : '',
        addedAt: typeof item.addedAt === 'number' ? item.addedAt : 0,
      });
    }
    return { classes };
  },
};

/** Runs the migrations from `from` up to TAUGHT_VERSION. */
export function migrateTaught(value: unknown, from: number): unknown {
  let out = value;
  for (let v = from + 1; v <= TAUGHT_VERSION; v++) out = TAUGHT_MIGRATIONS[v]?.(out) ?? out;
  return out;
}

export function encodeEmbedding(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeEmbedding(text: string): Float32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** A class name as kept: trimmed, inner spaces collapsed, at most 40 characters. */
export const cleanClassName = (name: string): string => name.trim().replace(/\s+/g, ' ').slice(0, 40);

/** The same class whatever the case ("dog" is "Dog"). */
const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Classes that can answer (one with no examples cannot). */
export const usableClasses = (set: TaughtSet): TaughtClass[] => set.classes.filter((c) => c.examples.length > 0);

export function addExample(set: TaughtSet, name: string, example: TaughtExample): TaughtSet {
  const clean = cleanClassName(name);
  const existing = set.classes.find((c) => sameName(c.name, clean));
  if (!existing) return { classes: [...set.classes, { name: clean, examples: [example] }] };
  return { classes: set.classes.map((c) => (c === existing ? { ...c, examples: [...c.examples, example] } : c)) };
}

/** Renames a class; a name another class has already merges the two. */
export function renameClass(set: TaughtSet, from: string, to: string): TaughtSet {
  const clean = cleanClassName(to);
  const moving = set.classes.find((c) => c.name === from);
  if (!moving || !clean) return set;
  const other = set.classes.find((c) => c !== moving && sameName(c.name, clean));
  if (!other) return { classes: set.classes.map((c) => (c === moving ? { ...c, name: clean } : c)) };
  return {
    classes: set.classes
      .filter((c) => c !== moving)
      .map((c) => (c === other ? { ...c, examples: [...c.examples, ...moving.examples] } : c)),
  };
}

export const deleteClass = (set: TaughtSet, name: string): TaughtSet => ({ classes: set.classes.filter((c) => c.name !== name) });

export const deleteExample = (set: TaughtSet, id: string): TaughtSet => ({
  classes: set.classes.map((c) => ({ ...c, examples: c.examples.filter((e) => e.id !== id) })).filter((c) => c.examples.length > 0),
});

/** The shared file's text. */
export const taughtFileText = (set: TaughtSet): string =>
  JSON.stringify({ format: TAUGHT_FILE_FORMAT, version: TAUGHT_VERSION, classes: set.classes });

/** Why a file cannot be read as taught classes (each has a message `taughtFileProblem_<reason>`). */
export type TaughtFileProblem = 'not-json' | 'not-taught' | 'newer' | 'broken';

/** Reads a shared file (any version up to this one); throws a TaughtFileError saying why it cannot. */
export function readTaughtFile(text: string): TaughtSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TaughtFileError('not-json');
  }
  const file = parsed as { format?: unknown; version?: unknown };
  if (typeof file !== 'object' || file === null || file.format !== TAUGHT_FILE_FORMAT) throw new TaughtFileError('not-taught');
  const version = typeof file.version === 'number' ? file.version : 1;
  if (version > TAUGHT_VERSION) throw new TaughtFileError('newer');
  try {
    const set = taughtSet(migrateTaught(parsed, version), 'file');
    for (const c of set.classes) {
      for (const e of c.examples) if (decodeEmbedding(e.embedding).length !== EMBEDDING_LENGTH) throw new Error('embedding length');
    }
    return { classes: set.classes.map((c) => ({ ...c, name: cleanClassName(c.name) })).filter((c) => c.name && c.examples.length) };
  } catch (error) {
    if (error instanceof TaughtFileError) throw error;
    throw new TaughtFileError('broken');
  }
}

export class TaughtFileError extends Error {
  constructor(readonly reason: TaughtFileProblem) {
    super(`not a taught-classes file: ${reason}`);
    this.name = 'TaughtFileError';
  }
}

/** Adds a file's classes to `set`: same-named classes gain its examples (none twice), new ones are added. */
export function mergeTaught(set: TaughtSet, incoming: TaughtSet): TaughtSet {
  let out = set;
  for (const c of incoming.classes) {
    const have = new Set(out.classes.flatMap((k) => k.examples.map((e) => e.id)));
    for (const example of c.examples) if (!have.has(example.id)) out = addExample(out, c.name, example);
  }
  return out;
}
