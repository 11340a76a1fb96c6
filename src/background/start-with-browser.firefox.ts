/**
 * Firefox suspends the background page that hosts the engine ~30 s after its last event, taking
 * the model with it: started with the browser, it would be gone before most first clicks. The
 * right-click's warm-up starts it instead.
 */
export const ENGINE_STARTS_WITH_BROWSER = false;
