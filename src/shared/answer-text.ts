/** "golden retriever" -> "Golden retriever", for headings. */
export const capitalise = (text: string): string =>
  /^[a-z][A-Z]/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1); // "iPod" stays "iPod"

/** A probability as a percentage people read at a glance: "87", "99+", "<1". */
export const percent = (probability: number): string =>
  probability >= 0.995 ? '99+' : probability < 0.01 ? '<1' : String(Math.round(probability * 100));
