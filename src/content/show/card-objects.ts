/**
 * The card's "In this picture: 2 people, a Kerry blue terrier, a chair": the things found in the
 * picture (they arrive a moment after the answer), each phrase a control that lights up its boxes
 * on the picture (object-boxes.ts) when hovered or focused. The boxes show while the card is open.
 */
import { t } from '../../shared/i18n';
import { objectPhrases } from '../../shared/object-words';
import type { Detection } from '../../shared/types';
import { el } from './card-dom';
import { ObjectBoxes } from './object-boxes';
import type { PictureBox } from './why';

export class CardObjects {
  private detection: Pick<Detection, 'objects' | 'width' | 'height'> | undefined;
  private boxes: ObjectBoxes | undefined;
  private shown = false;
  private section: HTMLElement | undefined;

  constructor(private readonly boxOf: () => PictureBox | undefined) {}

  /** The things found (replacing any before, also in the card); returns the card's section for them. */
  set(detection: Pick<Detection, 'objects' | 'width' | 'height'>): HTMLElement {
    const shown = this.shown;
    this.hide();
    this.detection = detection;
    const old = this.section;
    this.section = this.render();
    if (old?.isConnected) old.replaceWith(this.section);
    if (shown) this.show();
    return this.section;
  }

  /** The section to put in a card being built (undefined until the things are found). */
  get element(): HTMLElement | undefined {
    return this.section = this.detection ? this.render() : undefined;
  }

  private render(): HTMLElement {
    const section = el('div', 'objects');
    const { objects } = this.detection!;
    if (!objects.length) {
      section.append(el('p', 'objects-none', t('objectsNoneFound')));
      return section;
    }
    const line = el('p', 'objects-line');
    line.append(el('span', 'objects-lead', `${t('objectsInPicture')} `));
    objectPhrases(objects).forEach((phrase, i) => {
      if (i > 0) line.append(', ');
      const item = el('button', 'object', phrase.text);
      item.type = 'button';
      item.title = t('objectsShowBox', phrase.name);
      item.setAttribute('data-object-indices', phrase.indices.join(','));
      const light = () => this.boxes?.highlight(phrase.indices);
      const unlight = () => this.boxes?.highlight(undefined);
      item.addEventListener('pointerenter', light);
      item.addEventListener('focus', light);
      item.addEventListener('pointerleave', unlight);
      item.addEventListener('blur', unlight);
      item.addEventListener('click', (event) => {
        event.stopPropagation();
        light();
      });
      line.append(item);
    });
    section.append(line);
    return section;
  }

  /** Lays the boxes over the picture (the card opened). */
  show(): void {
    this.shown = true;
    if (this.boxes || !this.detection?.objects.length || !this.boxOf()) return;
    this.boxes = new ObjectBoxes(this.detection.objects, this.detection, this.boxOf);
  }

  /** Takes the boxes away (the card closed, or its answer no longer stands). */
  hide(): void {
    this.shown = false;
    this.boxes?.remove();
    this.boxes = undefined;
  }
}
