/**
 * "Teach Glimpse: this is…": a small field at the picture, with keyboard focus in it. The class
 * names taught so far are offered (a datalist); Enter keeps the picture as an example of the
 * class typed (the service worker embeds and stores it), Esc or a click elsewhere cancels.
 */
import { errorText, t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import type { ImageSource } from '../../shared/types';
import { createCardHost, type CardHost } from '../show/card-host';
import css from './teach-field.css?inline';
import { stylesFor } from '../host/shadow-styles';

const adoptStyles = stylesFor(css);

const WIDTH = 260;
const SAVED_SHOWN_MS = 1600;

let open: TeachField | undefined;

export class TeachField {
  private readonly frame: CardHost;
  private readonly root: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly onOutside = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.frame.host)) this.close();
  };

  constructor(anchor: Element | undefined, point: { x: number; y: number }, classNames: readonly string[], private readonly read: () => Promise<ImageSource>) {
    open?.close();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the one open field, closed when another opens
    open = this;
    this.frame = createCardHost(anchor, 'teach');
    const { host, shadow } = this.frame;
    this.root = document.createElement('form');
    this.root.className = 'teach';
    this.root.setAttribute('data-state', 'open');
    const label = document.createElement('label');
    label.textContent = t('teachFieldLabel');
    label.htmlFor = 'glimpse-teach-name';
    this.input = document.createElement('input');
    this.input.id = 'glimpse-teach-name';
    this.input.autocomplete = 'off';
    this.input.maxLength = 40;
    this.input.placeholder = t('teachFieldPlaceholder');
    const list = document.createElement('datalist');
    list.id = 'glimpse-teach-names';
    list.append(...classNames.map((name) => Object.assign(document.createElement('option'), { value: name })));
    this.input.setAttribute('list', list.id);
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('teachFieldHint');
    this.status = document.createElement('p');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.root.append(label, this.input, list, hint, this.status);
    adoptStyles(shadow);
    shadow.append(this.root);
    // The page's own shortcuts must not see what is typed here.
    for (const type of ['keydown', 'keyup', 'keypress', 'input'] as const) host.addEventListener(type, (event) => event.stopPropagation());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.root.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.keep();
    });
    addEventListener('pointerdown', this.onOutside, true);
    this.place(anchor, point);
    this.input.focus();
  }

  /** Inside the picture's top-left corner when it fits, else at the point right-clicked; always in the viewport. */
  private place(anchor: Element | undefined, point: { x: number; y: number }): void {
    const box = anchor?.isConnected ? anchor.getBoundingClientRect() : undefined;
    const wanted = box && box.width >= WIDTH * 0.6 ? { x: box.left + 8, y: box.top + 8 } : point;
    const left = Math.max(4, Math.min(wanted.x, innerWidth - WIDTH - 4));
    const top = Math.max(4, Math.min(wanted.y, innerHeight - 120));
    this.frame.moveTo(left, top, true);
  }

  private setState(state: 'open' | 'saving' | 'saved' | 'error', text: string): void {
    this.root.setAttribute('data-state', state);
    this.status.textContent = text;
  }

  private async keep(): Promise<void> {
    const name = this.input.value.trim();
    if (!name || this.root.getAttribute('data-state') === 'saving') return;
    this.setState('saving', t('teachFieldSaving'));
    try {
      const outcome = await send('background', 'teach', { source: await this.read(), className: name });
      if (!outcome?.ok) {
        this.setState('error', outcome ? errorText(outcome.error) : t('teachFieldFailed'));
        return;
      }
      this.setState('saved', t('teachFieldSaved', [outcome.className, String(outcome.examples)]));
      setTimeout(() => this.close(), SAVED_SHOWN_MS);
    } catch {
      this.setState('error', t('teachFieldFailed'));
    }
  }

  close(): void {
    if (open === this) open = undefined;
    removeEventListener('pointerdown', this.onOutside, true);
    this.frame.remove();
  }
}

/** Closes the open field, if any (Glimpse's "clear all", a retired script). */
export const closeTeachField = (): void => open?.close();
