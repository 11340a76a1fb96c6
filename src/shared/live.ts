/** What the live views (camera view, "Identify live" on a video) and the engine agree on. */

/** Frames go to the engine as square RGBA pixels of this side: the model's input, so nothing is scaled twice. */
export const LIVE_FRAME_SIDE = 224;

/** Guesses per frame answer: more than the card's five, so smoothing over frames adds up what each frame saw. */
export const LIVE_TOP_K = 10;
