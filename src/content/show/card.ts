/**
 * The answer on the page: a compact label pinned to its picture ("Polar bear", "Probably a
 * lion", "Not sure: velvet?") that opens on click into the full card (the sentence, other
 * names, the top 5 as bars, how long the user waited, the engine). Where it goes is decided
 * for all labels at once by card-layer; what it says comes from shared/answer-words.
 */
import { describeAnswer } from '../../shared/answer-words';
import type { GlimpseError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { Detection, HistoryEntry } from '../../shared/types';
import { CardFace } from './card-face';
import { CardObjects } from './card-objects';
import { createCardHost, type CardHost } from './card-host';
import { clearAllCards, escapeCards, forgetCard, isPresenterMode, keepCard, openCards, scheduleLayout, type CardState, type LaidOutCard } from './card-layer';
import type { Box, Size } from '../geometry/box';
import { CardAnchor, type RegionAnchor } from './card-anchor';
import type { Placement } from './card-position';
import { adoptStyles, answerDetails, changedDetails, edgeMeaning, errorDetails, failureText, panelContent } from './card-panel';
import { whyControl, type WhyControl } from './why';

export { clearAllCards, escapeCards, openCards };

/** 'changed': the page swapped the picture since it was identified; the answer is not shown. */
type State = CardState;

export class ResultCard implements LaidOutCard {
  readonly host: HTMLElement;
  /** The picture, when the label is pinned to an element. */
  readonly element: Element | undefined;
  /** What it stands on, and where that is. */
  readonly anchor: CardAnchor;
  private readonly frameHost: CardHost;
  private readonly face = new CardFace(() => this.toggle());
  private state: State = 'working';
  private warming: boolean | undefined;
  private isExpanded = false;
  /** "Why?" in the open card: its heat-map over the picture. */
  private why: WhyControl | null = null;
  private answer: HistoryEntry | undefined;
  private identifyAgain: ((picture: Element) => void) | undefined;
  private changeAnnounced = false;
  lastAnchorBox: Box | undefined;
  /** The things found in the picture: the card's list and their boxes over the picture while it is open. */
  private readonly objects = new CardObjects(() => this.anchor.pixelsBox());

  /**
   * `stillWhileWorking`: the label's spinner does not turn (a page scan's two dozen labels: their
   * turning would keep the page redrawing every frame, and the scan's pill shows the progress).
   */
  constructor(anchor: Element | RegionAnchor | undefined, readonly point: { x: number; y: number }, private readonly options: { stillWhileWorking?: boolean } = {}) {
    this.anchor = new CardAnchor(anchor);
    this.element = this.anchor.element;
    this.frameHost = createCardHost(this.element);
    this.host = this.frameHost.host;
    this.applyPresenterMode(isPresenterMode());
    adoptStyles(this.frameHost.shadow);
    this.frameHost.shadow.append(this.face.root);
    for (const card of keepCard(this)) if (this.element && card.element === this.element) card.dismiss();
  }

  /** What the card shows now (kept in this script: the page's DOM does not show it). */
  get shows(): State {
    return this.state;
  }

  get expanded(): boolean {
    return this.isExpanded;
  }

  size(): Size {
    return this.face.size();
  }

  place(placement: Placement): void {
    this.face.placedOn(placement.side);
    this.frameHost.moveTo(placement.left, placement.top, placement.visible);
  }

  fitTo(anchor: Box | undefined, viewport: Box): void {
    if (!this.isExpanded) this.face.fitTo(anchor, viewport);
  }

  applyPresenterMode(on: boolean): void {
    this.face.presenter(on);
  }

  private setState(state: State, details?: Parameters<CardFace['mark']>[1]): void {
    this.state = state;
    this.face.mark(state, details);
    scheduleLayout();
  }

  showWorking(warming: boolean): void {
    if (this.state === 'working' && this.warming === warming) return;
    this.warming = warming;
    this.face.working(t(warming ? 'cardWarming' : 'cardWorking'), this.state !== 'working', this.options.stillWhileWorking);
    this.setState('working');
  }

  /**
   * The answer. `identified`: the address of the picture it is about; when the element shows
   * another picture (now or later), the label says so instead of naming the old one.
   */
  showResult(entry: HistoryEntry, identified?: string): void {
    this.answer = entry;
    this.changeAnnounced = false;
    if (!this.anchor.follow(identified)) this.showChanged();
    else this.showAnswer(entry, true);
  }

  /** What "Identify again" does once the picture changed (the same path as the menu's), given the element the label stands on. */
  onIdentifyAgain(run: (picture: Element) => void): void {
    this.identifyAgain = run;
  }

  /** Looks whether the page swapped the picture (or swapped it back: the answer is true again). */
  checkPicture(): void {
    if (this.state !== 'result' && this.state !== 'changed') return;
    const seen = this.anchor.recheck();
    if (!seen) return;
    if (seen.moved) scheduleLayout();
    if (seen.showsIdentified && this.state === 'changed') this.showAnswer(this.answer!, false);
    else if (!seen.showsIdentified && this.state === 'result') this.showChanged();
  }

  private showChanged(): void {
    this.objects.hide();
    this.why?.dispose();
    this.why = null;
    // What a click does, after a dot (presenter mode keeps to the short line: "Picture changed").
    this.face.label(t('cardChanged'), t('cardIdentifyAgain'), t('cardIdentifyAgain'));
    this.face.panel.replaceChildren(...panelContent(changedDetails(() => this.again()), t('cardCollapse'), () => this.collapse()));
    // Announced once: a carousel going round must not make the screen reader chatter.
    if (!this.changeAnnounced) this.face.announce(t('cardChangedAnnouncement'));
    this.changeAnnounced = true;
    this.setState('changed', { certainty: null });
    if (this.isExpanded) this.frameHost.raise();
  }

  /** The things found in the picture (they come a moment after the answer). */
  showObjects(detection: Pick<Detection, 'objects' | 'width' | 'height'>): void {
    const section = this.objects.set(detection);
    const after = this.face.panel.querySelector('.also') ?? this.face.panel.querySelector('.sentence');
    if (this.state === 'result' && !section.isConnected) after?.after(section);
    if (this.state === 'result' && detection.objects.length) this.face.announce(section.textContent ?? '');
    scheduleLayout();
  }

  private showAnswer(entry: HistoryEntry, announce: boolean): void {
    const words = describeAnswer(entry);
    // The edge's colour, explained where a person looks: the tooltip (and screen readers' description).
    this.face.label(words.short, `${edgeMeaning(words.certainty)}. ${t('cardOpen')}`);
    this.why?.dispose();
    // Over the picture's pixels (inside its border and padding), or over the chosen region.
    this.why = whyControl(entry, () => this.anchor.seenPixelsBox(), scheduleLayout);
    const extra = [this.objects.element, this.why?.element].filter((part): part is HTMLElement => part !== undefined);
    this.face.panel.replaceChildren(...panelContent(answerDetails(entry, words, extra), t('cardCollapse'), () => this.collapse()));
    if (announce) this.face.announce(`${t('cardTitle')}: ${words.sentence}`);
    this.setExpanded(false);
    this.setState('result', { certainty: words.certainty });
  }

  showError(error: GlimpseError, retry?: () => void): void {
    const text = failureText(error, this.anchor.picture);
    this.face.panel.replaceChildren(...panelContent(errorDetails(error, text, retry), t('cardDismiss'), () => this.dismiss()));
    this.face.announce(text);
    // Nothing short to say about a failure: it shows in full until dismissed.
    this.setExpanded(true);
    this.setState('error', { errorCode: error.code });
  }

  private setExpanded(open: boolean): void {
    // The heat-map goes with the open card: the label has no control to take it away.
    if (!open) this.why?.dispose();
    if (open && this.state === 'result') this.objects.show();
    else this.objects.hide();
    this.isExpanded = open;
    this.face.open(open);
    if (open) this.frameHost.raise();
    scheduleLayout();
  }

  private toggle(): void {
    if (this.state === 'result') this.setExpanded(!this.isExpanded);
    else if (this.state === 'changed') this.again();
  }

  private again(): void {
    const picture = this.anchor.picture;
    if (!picture || !this.identifyAgain) return;
    // Back to the label, which shows the work and then the new answer.
    this.setExpanded(false);
    this.identifyAgain(picture);
  }

  /** Back to the compact label (failures have none: they stay until dismissed). */
  collapse(): void {
    if ((this.state !== 'result' && this.state !== 'changed') || !this.isExpanded) return;
    this.setExpanded(false);
    this.face.chip.focus({ preventScroll: true });
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
