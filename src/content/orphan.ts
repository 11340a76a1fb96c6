/**
 * A content script outlives its extension: after an update or a reload, the pages open before
 * keep the old script, whose every call to the extension throws "Extension context
 * invalidated". Such an orphan goes quiet: its listeners and cards are removed at the first
 * sign, and a newer copy of the script (injected into the page) retires it at once.
 */

type Teardown = () => void;

const teardowns: Teardown[] = [];
let retired = false;
let watcher: ReturnType<typeof setInterval> | undefined;

/** Whether this script's extension is still there to talk to. */
export function extensionAlive(): boolean {
  try {
    return !retired && Boolean(globalThis.chrome?.runtime?.id);
  } catch {
    return false;
  }
}

/** Removes everything this script added to the page; runs once. */
export function retire(): void {
  if (retired) return;
  retired = true;
  if (watcher !== undefined) clearInterval(watcher);
  for (const teardown of teardowns.splice(0)) {
    try {
      teardown();
    } catch {
      // The page may already have removed what this would remove.
    }
  }
}

/** Runs `teardown` when this script retires. */
export const onRetire = (teardown: Teardown): void => void teardowns.push(teardown);

/** Checks before doing anything for the user: an orphan retires instead. */
export function stillAlive(): boolean {
  if (extensionAlive()) return true;
  retire();
  return false;
}

const CHECK_MS = 1000;

/** While this script shows something (`showing()`), checks now and then that it is not an orphan. */
export function watchWhile(showing: () => boolean): void {
  if (watcher !== undefined || retired) return;
  watcher = setInterval(() => {
    if (!stillAlive()) return;
    if (!showing()) {
      clearInterval(watcher);
      watcher = undefined;
    }
  }, CHECK_MS);
}

const INSTANCE_KEY = Symbol.for('glimpse.content-script');

/**
 * Registers this copy of the script. A copy already in this world (an orphan, or a copy
 * injected twice) is retired first: the newest copy is the one connected to the extension.
 */
export function takeOver(): void {
  const world = globalThis as unknown as Record<symbol, { retire?: () => void } | undefined>;
  try {
    world[INSTANCE_KEY]?.retire?.();
  } catch {
    // An older copy that cannot even retire is left alone.
  }
  world[INSTANCE_KEY] = { retire };
}
