/**
 * What a card shows, inside its closed root: the compact label (a button: Glimpse's icon and a
 * few words, or a spinner while it works), the open card (hidden at first) and the live region
 * that announces the answer once. card.ts decides what to show; this draws it.
 */
import { t } from '../../shared/i18n';
import type { CardState } from './card-layer';
import type { Side } from './card-position';
import { brandIcon, button, el, spinner } from './card-dom';
import type { Box, Size } from '../geometry/box';
import { applyFit, everydayFit, measureFit, presenterFit } from './label-fit';

export class CardFace {
  readonly root = el('div', 'glimpse');
  readonly chip: HTMLButtonElement;
  private readonly chipText = el('span', 'short');
  /** The open card. */
  readonly panel = el('section', 'card');
  /** Announces the answer once, when it arrives (not every state the card goes through). */
  private readonly live = el('p', 'live');
  private fitKey = '';

  constructor(onChip: () => void) {
    // The card speaks the extension's language, whatever the page's direction.
    this.root.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
    this.root.lang = t('@@ui_locale').replace('_', '-');
    this.chip = button('chip', '', onChip);
    this.chip.setAttribute('aria-expanded', 'false');
    this.panel.setAttribute('aria-label', t('cardRegionLabel'));
    this.panel.hidden = true;
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(this.chip, this.panel, this.live);
  }

  /** The size of what is shown: the label, or the open card. */
  size(): Size {
    const rect = (this.panel.hidden ? this.chip : this.panel).getBoundingClientRect();
    return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
  }

  /** Sizes the label for its picture (see label-fit); measured again only when the words, the picture's size or the mode change. */
  fitTo(anchor: Box | undefined, viewport: Box): void {
    const presenter = this.root.classList.contains('presenter');
    const key = `${presenter}|${this.chip.textContent}|${anchor ? `${Math.round(anchor.width)}x${Math.round(anchor.height)}` : ''}|${presenter && anchor ? Math.round(anchor.left) : ''}`;
    if (key === this.fitKey) return;
    this.fitKey = key;
    applyFit(this.root, presenter ? presenterFit(anchor, viewport, (fit) => measureFit(this.root, fit)) : everydayFit(anchor));
  }

  /**
   * Marks kept inside the closed root only (the styles read them): the page's DOM does not show
   * whether (or when) Glimpse is working or has answered.
   */
  mark(state: CardState, details: { side?: Side; certainty?: string | null; errorCode?: string } = {}): void {
    this.root.setAttribute('data-state', state);
    if (details.certainty === null) this.root.removeAttribute('data-certainty');
    else if (details.certainty) this.root.setAttribute('data-certainty', details.certainty);
    if (details.errorCode) this.root.setAttribute('data-error-code', details.errorCode);
  }

  placedOn(side: Side): void {
    this.root.setAttribute('data-side', side);
  }

  presenter(on: boolean): void {
    this.root.classList.toggle('presenter', on);
  }

  /** The label while the picture is read and identified: a spinner (`still`: not turning) and `text` (`redraw`: it showed something else). */
  working(text: string, redraw: boolean, still = false): void {
    if (redraw || !this.chip.contains(this.chipText)) {
      this.chip.replaceChildren(spinner(still), this.chipText);
      this.chip.disabled = true;
    }
    this.chipText.textContent = text;
  }

  /** The label as a button: Glimpse's icon and `text` (and `then`, what a click does, after a dot); `title` says what a click does. */
  label(text: string, title: string, then?: string): void {
    this.chipText.textContent = text;
    if (then) this.chipText.append(el('span', 'then', ` · ${then}`));
    this.chip.replaceChildren(brandIcon(), this.chipText);
    this.chip.disabled = false;
    this.chip.title = title;
  }

  /** The label, or the open card. */
  open(open: boolean): void {
    this.chip.hidden = open;
    this.panel.hidden = !open;
    this.chip.setAttribute('aria-expanded', String(open));
    this.root.toggleAttribute('data-expanded', open);
  }

  announce(text: string): void {
    this.live.textContent = text;
  }
}
