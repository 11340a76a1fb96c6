import { describe, expect, it } from 'vitest';
import {
  addExample, decodeEmbedding, deleteClass, deleteExample, encodeEmbedding, mergeTaught, migrateTaught, readTaughtFile, renameClass,
  TAUGHT_FILE_FORMAT, TAUGHT_VERSION, taughtFileText, taughtSet, type TaughtExample, type TaughtSet,
} from '../../../src/shared/taught-set';
import { EMBEDDING_LENGTH } from '../../../src/shared/custom-models';

const vector = (seed: number) => Float32Array.from({ length: EMBEDDING_LENGTH }, (_, i) => ((i * seed) % 17) / 17);
const example = (id: string, seed = 1): TaughtExample => ({ id, embedding: encodeEmbedding(vector(seed)), thumbnail: 'data:image/jpeg;base64,AA==', addedAt: seed });

describe('taught set schema', () => {
  it('migrates version 1 (a flat list with number arrays) to version 2 (classes, base64 float32)', () => {
    const v1 = {
      examples: [
        { id: 'a', label: 'Dog ', embedding: [...vector(2)], thumbnail: 't1', addedAt: 5 },
        { id: 'b', label: 'Bird', embedding: [...vector(3)], thumbnail: 't2', addedAt: 6 },
        { id: 'c', label: 'Dog', embedding: [...vector(4)], thumbnail: 't3', addedAt: 7 },
        { label: 42, embedding: 'broken' },
      ],
    };
    const migrated = taughtSet(migrateTaught(v1, 1), 'taught');
    expect(migrated.classes.map((c) => [c.name, c.examples.map((e) => e.id)])).toEqual([['Dog', ['a', 'c']], ['Bird', ['b']]]);
    expect([...decodeEmbedding(migrated.classes[0]!.examples[1]!.embedding)]).toEqual([...vector(4)]);
    expect(migrated.classes[0]!.examples[0]).toMatchObject({ thumbnail: 't1', addedAt: 5 });
    expect(TAUGHT_VERSION).toBe(2);
    // Already current: left as it is.
    expect(migrateTaught(migrated, 2)).toBe(migrated);
  });

  it('round-trips embeddings exactly', () => {
    expect([...decodeEmbedding(encodeEmbedding(vector(7)))]).toEqual([...vector(7)]);
  });
});

describe('taught set changes', () => {
  const set: TaughtSet = addExample(addExample(addExample({ classes: [] }, 'Dog', example('a')), 'bird', example('b')), ' dog ', example('c'));

  it('groups examples by class, whatever the case or spacing of the name', () => {
    expect(set.classes.map((c) => [c.name, c.examples.length])).toEqual([['Dog', 2], ['bird', 1]]);
  });

  it('renames, merging into a class of that name', () => {
    expect(renameClass(set, 'bird', 'Birds').classes.map((c) => c.name)).toEqual(['Dog', 'Birds']);
    expect(renameClass(set, 'bird', 'DOG').classes.map((c) => [c.name, c.examples.length])).toEqual([['Dog', 3]]);
  });

  it('deletes a class, or one example (a class left empty goes)', () => {
    expect(deleteClass(set, 'Dog').classes.map((c) => c.name)).toEqual(['bird']);
    expect(deleteExample(set, 'b').classes.map((c) => c.name)).toEqual(['Dog']);
    expect(deleteExample(set, 'a').classes[0]!.examples.map((e) => e.id)).toEqual(['c']);
  });

  it('shares as one file and reads it back, adding only what is new', () => {
    const text = taughtFileText(set);
    expect(JSON.parse(text)).toMatchObject({ format: TAUGHT_FILE_FORMAT, version: TAUGHT_VERSION });
    const read = readTaughtFile(text);
    expect(read).toEqual(set);
    expect(mergeTaught(set, read)).toEqual(set);
    const other = addExample({ classes: [] }, 'Cat', example('z'));
    expect(mergeTaught(set, other).classes.map((c) => c.name)).toEqual(['Dog', 'bird', 'Cat']);
  });

  it('reads a version 1 file, and refuses what is not one, saying why', () => {
    const v1 = JSON.stringify({ format: TAUGHT_FILE_FORMAT, version: 1, examples: [{ id: 'q', label: 'Oak', embedding: [...vector(5)], thumbnail: '', addedAt: 1 }] });
    expect(readTaughtFile(v1).classes.map((c) => c.name)).toEqual(['Oak']);
    const why = (text: string) => {
      try {
        readTaughtFile(text);
        return 'read';
      } catch (error) {
        return (error as { reason?: string }).reason;
      }
    };
    expect(why('nope')).toBe('not-json');
    expect(why('{"labels":[]}')).toBe('not-taught');
    expect(why(JSON.stringify({ format: TAUGHT_FILE_FORMAT, version: 99, classes: [] }))).toBe('newer');
    expect(why(JSON.stringify({ format: TAUGHT_FILE_FORMAT, version: 2, classes: [{ name: 'X', examples: [{ id: 'x', embedding: 'AAAA', thumbnail: '', addedAt: 1 }] }] }))).toBe('broken');
  });
});
