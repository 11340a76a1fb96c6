/**
 * The answer on the page: a compact label pinned to its picture ("Polar bear", "Probably a
 * lion", "Not sure: velvet?") that opens on click into the full card (the sentence, other
 * names, the top 5 as bars, how long the user waited, the engine). Where it goes is decided
 * for all labels at once by card-layer; what it says comes from shared/answer-words.
 */
import { describeAnswer } from '../shared/answer-words';
import type { GlimpseError } from '../shared/errors';
import { t } from '../shared/i18n';
import type { Detection, HistoryEntry } from '../shared/types';
import { brandIcon, cardParts, el, spinner } from './card-dom';
import { CardObjects } from './card-objects';
import { createCardHost, type CardHost } from './card-host';
import { clearAllCards, escapeCards, forgetCard, isPresenterMode, keepCard, openCards, scheduleLayout, type CardState, type LaidOutCard } from './card-layer';
import { overlapArea, type Box, type Size } from './geometry/box';
import type { Placement } from './card-position';
import { adoptStyles, answerDetails, changedDetails, edgeMeaning, errorDetails, failureText, panelContent } from './card-panel';
import { boxInViewport, clipFor, clippingAncestors, viewportBox } from './page-scene';
import { applyFit, everydayFit, measureFit, presenterFit } from './label-fit';
import { PictureWatch } from './picture-watch';
import { pictureBox, whyControl, type WhyControl } from './why';

export { clearAllCards, escapeCards, openCards };

/** A box chosen on screen (region select), in viewport CSS px at the moment it was chosen. */
export interface RegionAnchor {
  region: Box;
}

/** 'changed': the page swapped the picture since it was identified; the answer is not shown. */
type State = CardState;

export class ResultCard implements LaidOutCard {
  readonly host: HTMLElement;
  /** The picture, when the label is pinned to an element. */
  readonly element: Element | undefined;
  private readonly frameHost: CardHost;
  private readonly root: HTMLElement;
  private readonly chip: HTMLButtonElement;
  private readonly chipText: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly live: HTMLElement;
  /** A chosen region, in page coordinates (it scrolls with the page). */
  private readonly region: Box | undefined;
  private clippers: Element[];
  private state: State = 'working';
  private warming: boolean | undefined;
  private isExpanded = false;
  /** "Why?" in the open card: its heat-map over the picture. */
  private why: WhyControl | null = null;
  private answer: HistoryEntry | undefined;
  /** Whether the picture is still the one the answer names (pinned to an element showing a web picture). */
  private watch: PictureWatch | undefined;
  private identifyAgain: ((picture: Element) => void) | undefined;
  private changeAnnounced = false;
  lastAnchorBox: Box | undefined;
  private fitKey = '';
  /** The things found in the picture: the card's list and their boxes over the picture while it is open. */
  private readonly objects = new CardObjects(() => this.pixelsBox());

  constructor(anchor: Element | RegionAnchor | undefined, readonly point: { x: number; y: number }) {
    // Not `instanceof Element`: a picture in a same-origin child frame is another window's Element.
    const region = anchor && 'region' in anchor ? anchor.region : undefined;
    this.element = anchor && !('region' in anchor) ? anchor : undefined;
    this.region = region ? { ...region, left: region.left + scrollX, top: region.top + scrollY } : undefined;
    this.clippers = this.element ? clippingAncestors(this.element) : [];
    this.frameHost = createCardHost(this.element);
    this.host = this.frameHost.host;
    ({ root: this.root, chip: this.chip, chipText: this.chipText, panel: this.panel, live: this.live } = cardParts(() => this.toggle()));
    this.applyPresenterMode(isPresenterMode());
    adoptStyles(this.frameHost.shadow);
    this.frameHost.shadow.append(this.root);
    for (const card of keepCard(this)) if (this.element && card.element === this.element) card.dismiss();
  }

  /** What the card shows now (kept in this script: the page's DOM does not show it). */
  get shows(): State {
    return this.state;
  }

  get expanded(): boolean {
    return this.isExpanded;
  }

  /** The picture's box now (undefined: pinned to a point, or the picture is gone). */
  anchorBox(): Box | undefined {
    if (this.region) return { ...this.region, left: this.region.left - scrollX, top: this.region.top - scrollY };
    const picture = this.picture;
    return picture?.isConnected ? boxInViewport(picture) : undefined;
  }

  /** The element the label stands on: its picture, or the one the page replaced it with (see PictureWatch). */
  get picture(): Element | undefined {
    return this.watch?.element ?? this.element;
  }

  /** Whether the card has a picture or region to stay with (else it sits at the point). */
  get isPinned(): boolean {
    return this.region !== undefined || this.element !== undefined;
  }

  /** A region's box in page coordinates is fixed: pictures inside it belong to it. */
  owns(picture: Element, box: Box): boolean {
    const own = this.picture;
    if (own) return picture === own || picture.contains(own) || own.contains(picture);
    const here = this.anchorBox();
    return here !== undefined && overlapArea(here, box) >= 0.5 * box.width * box.height;
  }

  clipBox(viewport: Box): Box {
    return clipFor(this.clippers, viewport);
  }

  /** The size of what is shown: the label, or the open card. */
  size(): Size {
    const rect = (this.isExpanded ? this.panel : this.chip).getBoundingClientRect();
    return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
  }

  place(placement: Placement): void {
    this.root.setAttribute('data-side', placement.side);
    this.frameHost.moveTo(placement.left, placement.top, placement.visible);
  }

  /** Sizes the label for its picture (see label-fit); measured again only when the words, the picture's size or the mode change. */
  fitTo(anchor: Box | undefined, viewport: Box): void {
    if (this.isExpanded) return;
    const presenter = this.root.classList.contains('presenter');
    const key = `${presenter}|${this.chip.textContent}|${anchor ? `${Math.round(anchor.width)}x${Math.round(anchor.height)}` : ''}|${presenter && anchor ? Math.round(anchor.left) : ''}`;
    if (key === this.fitKey) return;
    this.fitKey = key;
    applyFit(this.root, presenter ? presenterFit(anchor, viewport, (fit) => measureFit(this.root, fit)) : everydayFit(anchor));
  }

  applyPresenterMode(on: boolean): void {
    this.root.classList.toggle('presenter', on);
  }

  private setState(state: State): void {
    this.state = state;
    // Inside the closed root only: the page's DOM does not show whether (or when) Glimpse is working or has answered.
    this.root.setAttribute('data-state', state);
    scheduleLayout();
  }

  showWorking(warming: boolean): void {
    if (this.state === 'working' && this.warming === warming) return;
    this.warming = warming;
    const text = t(warming ? 'cardWarming' : 'cardWorking');
    if (this.state !== 'working' || !this.chip.contains(this.chipText)) {
      this.chip.replaceChildren(spinner(), this.chipText);
      this.chip.disabled = true;
    }
    this.chipText.textContent = text;
    this.setState('working');
  }

  /**
   * The answer. `identified`: the address of the picture it is about; when the element shows
   * another picture (now or later), the label says so instead of naming the old one.
   */
  showResult(entry: HistoryEntry, identified?: string): void {
    this.answer = entry;
    this.changeAnnounced = false;
    const picture = this.picture;
    this.watch = picture && identified ? new PictureWatch(picture, identified) : undefined;
    if (this.watch && !this.watch.showsIdentified) this.showChanged();
    else this.showAnswer(entry, true);
  }

  /** What "Identify again" does once the picture changed (the same path as the menu's), given the element the label stands on. */
  onIdentifyAgain(run: (picture: Element) => void): void {
    this.identifyAgain = run;
  }

  /** Looks whether the page swapped the picture (or swapped it back: the answer is true again). */
  checkPicture(): void {
    if (!this.watch || (this.state !== 'result' && this.state !== 'changed')) return;
    const was = this.watch.element;
    if (!this.watch.update()) return;
    if (this.watch.element !== was) {
      this.clippers = clippingAncestors(this.watch.element);
      scheduleLayout();
    }
    if (this.watch.showsIdentified && this.state === 'changed') this.showAnswer(this.answer!, false);
    else if (!this.watch.showsIdentified && this.state === 'result') this.showChanged();
  }

  private showChanged(): void {
    this.objects.hide();
    this.why?.dispose();
    this.why = null;
    this.showLabel(t('cardChanged'), t('cardIdentifyAgain'));
    // What a click does, after a dot (presenter mode keeps to the short line: "Picture changed").
    this.chipText.append(el('span', 'then', ` · ${t('cardIdentifyAgain')}`));
    this.root.removeAttribute('data-certainty');
    this.panel.replaceChildren(...panelContent(changedDetails(() => this.again()), t('cardCollapse'), () => this.collapse()));
    // Announced once: a carousel going round must not make the screen reader chatter.
    if (!this.changeAnnounced) this.live.textContent = t('cardChangedAnnouncement');
    this.changeAnnounced = true;
    this.setState('changed');
    if (this.isExpanded) this.frameHost.raise();
  }

  /** The label as a button: Glimpse's icon and `text`; `title` says what a click does. */
  private showLabel(text: string, title: string): void {
    this.chipText.textContent = text;
    this.chip.replaceChildren(brandIcon(), this.chipText);
    this.chip.disabled = false;
    this.chip.title = title;
  }

  /** The picture's pixels on screen (inside its border and padding), or the chosen region. */
  private pixelsBox() {
    const element = this.picture;
    return element ? (element.isConnected ? pictureBox(element) : undefined) : this.anchorBox();
  }

  /** The things found in the picture (they come a moment after the answer). */
  showObjects(detection: Pick<Detection, 'objects' | 'width' | 'height'>): void {
    const section = this.objects.set(detection);
    const after = this.panel.querySelector('.also') ?? this.panel.querySelector('.sentence');
    if (this.state === 'result' && !section.isConnected) after?.after(section);
    if (this.state === 'result' && detection.objects.length) this.live.textContent = section.textContent ?? '';
    scheduleLayout();
  }

  private showAnswer(entry: HistoryEntry, announce: boolean): void {
    const words = describeAnswer(entry);
    // The edge's colour, explained where a person looks: the tooltip (and screen readers' description).
    this.showLabel(words.short, `${edgeMeaning(words.certainty)}. ${t('cardOpen')}`);
    this.root.setAttribute('data-certainty', words.certainty);
    this.why?.dispose();
    // Over the picture's pixels (inside its border and padding), or over the chosen region.
    const element = this.picture;
    this.why = whyControl(entry, () => (element ? (element.isConnected ? { ...pictureBox(element), clip: this.clipBox(viewportBox()) } : undefined) : this.anchorBox()), scheduleLayout);
    const extra = [this.objects.element, this.why?.element].filter((part): part is HTMLElement => part !== undefined);
    this.panel.replaceChildren(...panelContent(answerDetails(entry, words, extra), t('cardCollapse'), () => this.collapse()));
    if (announce) this.live.textContent = `${t('cardTitle')}: ${words.sentence}`;
    this.setExpanded(false);
    this.setState('result');
  }

  showError(error: GlimpseError, retry?: () => void): void {
    this.root.setAttribute('data-error-code', error.code);
    const text = failureText(error, this.picture);
    this.panel.replaceChildren(...panelContent(errorDetails(error, text, retry), t('cardDismiss'), () => this.dismiss()));
    this.live.textContent = text;
    // Nothing short to say about a failure: it shows in full until dismissed.
    this.setExpanded(true);
    this.setState('error');
  }

  private setExpanded(open: boolean): void {
    // The heat-map goes with the open card: the label has no control to take it away.
    if (!open) this.why?.dispose();
    if (open && this.state === 'result') this.objects.show();
    else this.objects.hide();
    this.isExpanded = open;
    this.chip.hidden = open;
    this.panel.hidden = !open;
    this.chip.setAttribute('aria-expanded', String(open));
    this.root.toggleAttribute('data-expanded', open);
    if (open) this.frameHost.raise();
    scheduleLayout();
  }

  private toggle(): void {
    if (this.state === 'result') this.setExpanded(!this.isExpanded);
    else if (this.state === 'changed') this.again();
  }

  private again(): void {
    const picture = this.picture;
    if (!picture || !this.identifyAgain) return;
    // Back to the label, which shows the work and then the new answer.
    this.setExpanded(false);
    this.identifyAgain(picture);
  }

  /** Back to the compact label (failures have none: they stay until dismissed). */
  collapse(): void {
    if ((this.state !== 'result' && this.state !== 'changed') || !this.isExpanded) return;
    this.setExpanded(false);
    this.chip.focus({ preventScroll: true });
  }

  get isOpen(): boolean {
    return this.host.isConnected;
  }

  dismiss(): void {
    this.frameHost.remove();
    this.why?.dispose();
    this.objects.hide();
    forgetCard(this);
  }
}
