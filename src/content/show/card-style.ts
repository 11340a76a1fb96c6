/** The card's stylesheet (card.css), as text for its shadow root. */
import css from './card.css?inline';

export const CARD_CSS: string = css;
