/**
 * The element a card lives in: a hardened host (see hardened-host) in the browser's top layer,
 * kept in the page when page code removes it. Being fixed and in the top layer, it takes no
 * room in the page.
 */
import { hardenedHost, showOnTop } from '../host/hardened-host';
import { keepInPage } from '../host/keep-in-page';

const HOST_DECLARATIONS = [
  'inset: auto', 'top: 0', 'left: 0', 'width: auto', 'height: auto', 'overflow: visible', 'color-scheme: normal',
  // Hidden until the first layout places it: no flash of a card in the page's top-left corner.
  'visibility: hidden', 'contain: layout style',
];

export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  moveTo(left: number, top: number, visible: boolean): void;
  /** Above every other Glimpse card (the one the user just opened). */
  raise(): void;
  /** Takes the card out of the page for good (a page's own removals are undone, see keep-in-page). */
  remove(): void;
}

/**
 * The open modal dialog (a lightbox, say) that holds `element`, if any. While it is open,
 * everything outside it is inert: a card there could be seen but not clicked.
 */
function modalAncestor(element: Element | undefined): Element | undefined {
  for (let node: Element | undefined = element; node; ) {
    const modal = node.closest(':modal');
    if (modal) return modal;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}

/**
 * A host for a card about `anchor` (the picture, when there is one); `kind` names what else it
 * holds (`data-glimpse-<kind>`: the presenter-mode sign).
 */
export function createCardHost(anchor?: Element, kind = 'card'): CardHost {
  const { host, shadow, set } = hardenedHost({ tag: 'glimpse-card', kind, declarations: HOST_DECLARATIONS });
  // After <body> (page code that rewrites the body leaves it alone), or inside a modal dialog.
  const modal = modalAncestor(anchor);
  const parent = modal?.ownerDocument === document ? modal : document.documentElement;
  parent.append(host);
  const show = () => showOnTop(host);
  show();
  const release = keepInPage(host, parent, show);
  return {
    host,
    shadow,
    moveTo(left, top, visible) {
      set('left', `${left}px`);
      set('top', `${top}px`);
      set('visibility', visible ? 'visible' : 'hidden');
    },
    remove() {
      release();
      host.remove();
    },
    raise: () => showOnTop(host, true),
  };
}
