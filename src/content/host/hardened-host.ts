/**
 * The element every piece of Glimpse's on-page UI (cards, the Why? heat-map, object boxes, the
 * scan's pill, region select) lives in, made so no page can hide, restyle, cover or read it:
 * an element name no page styles, every property pinned with inline !important (which beats even
 * `* { all: unset !important }`), and a closed shadow root for its content and its own styles.
 * Page script can neither read what it shows (what the user asked about) nor rewrite it; only
 * the caller keeps the shadow root (assistive tools still read it, tests read it through
 * DevTools). It is left out of captures of the tab (see capture-veil).
 */
import { veilable } from '../read/capture-veil';
import { customElement } from './html';

/** Pinned on every host; a caller's declarations add to these or replace them, property by property. */
const BASE_DECLARATIONS = [
  'all: initial', 'display: block', 'position: fixed', 'margin: 0', 'padding: 0', 'border: 0',
  'min-width: 0', 'min-height: 0', 'max-width: none', 'max-height: none', 'background: transparent',
  'transform: none', 'opacity: 1', 'z-index: 2147483647', 'pointer-events: none',
];

export interface HostSpec {
  /** Its element name (`glimpse-…`). */
  tag: string;
  /** `data-glimpse-<kind>`, beside `data-glimpse-ui`, which every scan and capture leaves out: names what it is, never its state. */
  kind: string;
  /** What differs from the base declarations ("z-index: 2147483646", "pointer-events: auto"…). */
  declarations?: readonly string[];
  /** Decoration only (a heat-map, outlines): hidden from assistive tools. */
  decorative?: boolean;
}

export interface HardenedHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Sets one of the host's own properties (its place, its visibility), pinned like the rest. */
  set(name: string, value: string): void;
}

/** `declarations` as one inline style, each property once (a later value replaces an earlier one), all !important. */
export function pinnedStyle(declarations: readonly string[]): string {
  const byProperty = new Map<string, string>();
  for (const declaration of declarations) {
    const colon = declaration.indexOf(':');
    byProperty.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
  return [...byProperty].map(([property, value]) => `${property}: ${value} !important`).join('; ');
}

/** A new host (not yet in the page: the caller puts it where it belongs). */
export function hardenedHost({ tag, kind, declarations = [], decorative = false }: HostSpec): HardenedHost {
  const host = customElement(tag);
  host.setAttribute('data-glimpse-ui', '');
  host.setAttribute(`data-glimpse-${kind}`, '');
  if (decorative) host.setAttribute('aria-hidden', 'true');
  host.style.cssText = pinnedStyle([...BASE_DECLARATIONS, ...declarations]);
  const shadow = host.attachShadow({ mode: 'closed' });
  veilable(host, shadow);
  return { host, shadow, set: (name, value) => host.style.setProperty(name, value, 'important') };
}

let joins = 0;

/** How many times a Glimpse host has joined the top layer (and so gone above the others) so far. */
export const topLayerJoins = (): number => joins;

/**
 * Into the browser's top layer, which sits above any z-index and escapes ancestors'
 * transforms, filters and overflow clipping; `again` raises it above what joined since.
 */
export function showOnTop(host: HTMLElement, again = false): void {
  joins++;
  try {
    if (again) host.hidePopover();
    else host.popover = 'manual';
    host.showPopover();
  } catch {
    // Not in the top layer (an old browser, or a document that refuses it): the fixed position and
    // top z-index still float it above almost everything.
  }
}
