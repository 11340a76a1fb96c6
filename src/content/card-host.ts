/**
 * The element a card lives in, made so no page can hide, restyle, cover or shift it:
 * an element name no page styles, every property pinned with inline !important (which beats
 * even `* { all: unset !important }`), a shadow root for the card's own styles, and the
 * browser's top layer, which sits above any z-index and escapes ancestors' transforms,
 * filters and overflow clipping. Being fixed and in the top layer, it takes no room in the page.
 */
import { customElement } from './html';
import { keepInPage } from './keep-in-page';
import { veilable } from './capture-veil';

const HOST_TAG = 'glimpse-card';

const HOST_DECLARATIONS = [
  'all: initial', 'display: block', 'position: fixed', 'inset: auto', 'top: 0', 'left: 0', 'margin: 0', 'padding: 0',
  'border: 0', 'width: auto', 'height: auto', 'min-width: 0', 'min-height: 0', 'max-width: none', 'max-height: none',
  'overflow: visible', 'background: transparent', 'color-scheme: normal', 'z-index: 2147483647', 'pointer-events: none',
  // Hidden until the first layout places it: no flash of a card in the page's top-left corner.
  'transform: none', 'visibility: hidden', 'opacity: 1', 'contain: layout style',
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
  const host = customElement(HOST_TAG);
  host.setAttribute('data-glimpse-ui', '');
  host.setAttribute(`data-glimpse-${kind}`, '');
  host.style.cssText = HOST_DECLARATIONS.map((declaration) => `${declaration} !important`).join('; ');
  // Closed: page script can neither read the answer (what the user asked about) nor rewrite it.
  // Only this script keeps the reference; assistive tools still read it (it is in the page's
  // accessibility tree), and tests read it through DevTools.
  const shadow = host.attachShadow({ mode: 'closed' });
  veilable(host, shadow);
  // After <body> (page code that rewrites the body leaves it alone), or inside a modal dialog.
  const modal = modalAncestor(anchor);
  const parent = modal?.ownerDocument === document ? modal : document.documentElement;
  parent.append(host);
  host.popover = 'manual';
  const show = () => {
    try {
      host.showPopover();
    } catch {
      // Not in the top layer (an old browser, or a document that refuses it): the fixed position and
      // top z-index still float it above almost everything.
    }
  };
  show();
  const release = keepInPage(host, parent, show);
  return {
    host,
    shadow,
    moveTo(left, top, visible) {
      host.style.setProperty('left', `${left}px`, 'important');
      host.style.setProperty('top', `${top}px`, 'important');
      host.style.setProperty('visibility', visible ? 'visible' : 'hidden', 'important');
    },
    remove() {
      release();
      host.remove();
    },
    raise() {
      try {
        host.hidePopover();
        host.showPopover();
      } catch {
        // Not in the top layer: the fixed position keeps it where it was.
      }
    },
  };
}
