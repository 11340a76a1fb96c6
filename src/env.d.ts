/** False only in store packages (GLIMPSE_STORE_BUILD=1): test-only hooks are left out of them. */
declare const __GLIMPSE_TEST_HOOKS__: boolean;

/** A stylesheet imported as text (Vite's `?inline`), for a shadow root. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
