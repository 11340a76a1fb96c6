/**
 * Small structural checks for data that crosses a context boundary (messages, storage). Each
 * check is also the type's single source: `Infer<typeof check>` is what it lets through.
 */
export class InvalidMessage extends Error {
  constructor(what: string) {
    super(`invalid message: ${what}`);
    this.name = 'InvalidMessage';
  }
}

export type Check<T> = (value: unknown, path: string) => T;
/** A check whose field may be left out: `object()` makes its key optional in the inferred type. */
export type OptionalCheck<T> = Check<T | undefined> & { readonly optional: true };
export type Infer<C> = C extends Check<infer T> ? T : never;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const record: Check<Record<string, unknown>> = (value, path) => {
  if (!isRecord(value)) throw new InvalidMessage(`${path} should be an object`);
  return value;
};

export const string: Check<string> = (value, path) => {
  if (typeof value !== 'string') throw new InvalidMessage(`${path} should be a string`);
  return value;
};

export const number: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidMessage(`${path} should be a finite number`);
  return value;
};

export const boolean: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new InvalidMessage(`${path} should be a boolean`);
  return value;
};

export const arrayBuffer: Check<ArrayBuffer> = (value, path) => {
  if (value instanceof ArrayBuffer) return value;
  // Structured clone across realms can hand over a buffer whose constructor is another realm's.
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return value as ArrayBuffer;
  throw new InvalidMessage(`${path} should be an ArrayBuffer (is message_serialization structured_clone in effect?)`);
};

export const optional = <T>(check: Check<T>): OptionalCheck<T> =>
  Object.assign((value: unknown, path: string) => (value === undefined ? undefined : check(value, path)), { optional: true as const });

export const oneOf = <const T extends readonly string[]>(options: T): Check<T[number]> => (value, path) => {
  if (typeof value !== 'string' || !options.includes(value)) {
    throw new InvalidMessage(`${path} should be one of ${options.join(', ')}`);
  }
  return value as T[number];
};

type Shape = Record<string, Check<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ShapeOf<S extends Shape> = Simplify<
  { [K in keyof S as S[K] extends { optional: true } ? never : K]: Infer<S[K]> } & {
    [K in keyof S as S[K] extends { optional: true } ? K : never]?: Exclude<Infer<S[K]>, undefined>;
  }
>;

/** Checks an object's listed fields and returns exactly those (unknown fields are dropped). */
export const object = <S extends Shape>(shape: S): Check<ShapeOf<S>> => (value, path) => {
  const input = record(value, path);
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    const field = check(input[key], `${path}.${key}`);
    if (field !== undefined) out[key] = field;
  }
  return out as ShapeOf<S>;
};

/** An object whose keys all come from `keys` (each optional) and whose values pass `check`. */
export const partialRecord = <const K extends readonly string[], T>(keys: K, check: Check<T>): Check<Partial<Record<K[number], T>>> =>
  (value, path) => {
    const input = record(value, path);
    const out: Partial<Record<K[number], T>> = {};
    for (const key of keys as readonly K[number][]) {
      if (input[key] !== undefined) out[key] = check(input[key], `${path}.${key}`);
    }
    return out;
  };

type Variants = Record<string, Check<object>>;
type VariantOf<D extends string, V extends Variants> = {
  [K in keyof V & string]: Simplify<{ [P in D]: K } & Infer<V[K]>>;
}[keyof V & string];

/** A tagged union: `discriminant` names which shape the rest of the object has. */
export const variant = <const D extends string, V extends Variants>(discriminant: D, variants: V): Check<VariantOf<D, V>> =>
  (value, path) => {
    const tags = Object.keys(variants);
    const tag = oneOf(tags)(record(value, path)[discriminant], `${path}.${discriminant}`);
    return { [discriminant]: tag, ...variants[tag]!(value, path) } as VariantOf<D, V>;
  };

/** An array of at most `max` items, each passing `check`. */
export const list = <T>(check: Check<T>, max: number): Check<T[]> => (value, path) => {
  if (!Array.isArray(value) || value.length > max) throw new InvalidMessage(`${path} should be an array of at most ${max} items`);
  return value.map((item, index) => check(item, `${path}[${index}]`));
};
