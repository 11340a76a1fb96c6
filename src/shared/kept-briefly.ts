/**
 * Values kept in memory for seconds at most under an id, each handed out once: pixels read at a
 * right-click, the crops of a capture, bytes sent ahead to the engine. Beyond `most`, the oldest
 * go first; `onDrop` gets each one that goes without being taken.
 */
export class KeptBriefly<T> {
  private readonly kept = new Map<string, { value: T; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly keepMs: number,
    private readonly most = Number.POSITIVE_INFINITY,
    private readonly onDrop: (value: T) => void = () => undefined,
  ) {}

  put(id: string, value: T): void {
    this.drop(id);
    this.kept.set(id, { value, timer: setTimeout(() => this.drop(id), this.keepMs) });
    for (const oldest of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - this.most))) this.drop(oldest);
  }

  /** The value kept as `id`, once; undefined when it never came, is gone, or is not `whose` (then it stays). */
  take(id: string, whose: (value: T) => boolean = () => true): T | undefined {
    const entry = this.kept.get(id);
    if (!entry || !whose(entry.value)) return undefined;
    clearTimeout(entry.timer);
    this.kept.delete(id);
    return entry.value;
  }

  get size(): number {
    return this.kept.size;
  }

  private drop(id: string): void {
    const value = this.take(id);
    if (value !== undefined) this.onDrop(value);
  }
}
