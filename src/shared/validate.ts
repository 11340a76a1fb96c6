/** Small structural checks for data that crosses a context boundary. */
export class InvalidMessage extends Error {
  constructor(what: string) {
    super(`invalid message: ${what}`);
    this.name = 'InvalidMessage';
  }
}

export type Check<T> = (value: unknown, path: string) => T;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
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

export const optional = <T>(check: Check<T>): Check<T | undefined> => (value, path) =>
  value === undefined ? undefined : check(value, path);

export const oneOf = <T extends string>(...options: readonly T[]): Check<T> => (value, path) => {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new InvalidMessage(`${path} should be one of ${options.join(', ')}`);
  }
  return value as T;
};

export const arrayOf = <T>(check: Check<T>): Check<T[]> => (value, path) => {
  if (!Array.isArray(value)) throw new InvalidMessage(`${path} should be an array`);
  return value.map((item, i) => check(item, `${path}[${i}]`));
};

type Shape = Record<string, Check<unknown>>;
type ShapeOf<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

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
