/** migrations[n] turns a version n-1 value into a version n value. */
export type Migrations<T> = Record<number, (old: T) => T>;

/** Brings a value stored at version `from` up to version `to`, one step at a time (a missing step keeps it as it is). */
export function migrate<T>(value: T, from: number, to: number, migrations: Migrations<T> = {}): T {
  let upgraded = value;
  for (let v = from + 1; v <= to; v++) upgraded = migrations[v]?.(upgraded) ?? upgraded;
  return upgraded;
}
