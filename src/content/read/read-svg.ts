import type { ImageSource } from '../../shared/types';

/** Styles the page's CSS may give an inline SVG's shapes; copied onto them so it draws as it looks. */
const INLINED_STYLES = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'stroke-dasharray', 'stop-color', 'stop-opacity', 'opacity', 'color', 'font-family', 'font-size', 'font-weight',
  'font-style', 'text-anchor', 'visibility', 'display',
];

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function inlineComputedStyles(original: SVGSVGElement, clone: SVGSVGElement): void {
  const view = original.ownerDocument.defaultView ?? window;
  const originals = [original, ...original.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const copy = copies[i] as SVGElement | undefined;
    if (!copy?.style) return;
    const computed = view.getComputedStyle(element);
    for (const property of INLINED_STYLES) copy.style.setProperty(property, computed.getPropertyValue(property));
  });
}

/** Icon sprites: <use href="#icon"> points at a <symbol> elsewhere in the page; bring it along. */
function inlineSpriteReferences(original: SVGSVGElement, clone: SVGSVGElement): void {
  const defs = original.ownerDocument.createElementNS(SVG_NS, 'defs');
  const copied = new Set<string>();
  for (const use of clone.querySelectorAll('use')) {
    const href = use.getAttribute('href') ?? use.getAttributeNS(XLINK_NS, 'href') ?? '';
    const id = href.startsWith('#') ? href.slice(1) : '';
    if (!id || copied.has(id) || clone.querySelector(`[id="${CSS.escape(id)}"]`)) continue;
    const referenced = original.ownerDocument.getElementById(id);
    if (!referenced) continue;
    copied.add(id);
    defs.append(referenced.cloneNode(true));
  }
  if (defs.childNodes.length > 0) clone.prepend(defs);
}

const isAbsoluteLength = (value: string | null): boolean => value !== null && /^\s*\d*\.?\d+(px)?\s*$/.test(value);

/** Serialises an inline <svg> into a standalone SVG file, drawn at the size the page shows it. */
export function readInlineSvg(svg: SVGSVGElement): ImageSource {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, clone);
  inlineSpriteReferences(svg, clone);
  const rect = svg.getBoundingClientRect();
  // Percentages and ems mean nothing outside the page: pin the size the page draws it at.
  if (!isAbsoluteLength(clone.getAttribute('width'))) clone.setAttribute('width', String(Math.max(1, Math.round(rect.width))));
  if (!isAbsoluteLength(clone.getAttribute('height'))) clone.setAttribute('height', String(Math.max(1, Math.round(rect.height))));
  clone.setAttribute('xmlns', SVG_NS);
  const text = new XMLSerializer().serializeToString(clone);
  const bytes = new TextEncoder().encode(text);
  return { kind: 'bytes', bytes: bytes.buffer as ArrayBuffer, mimeType: 'image/svg+xml' };
}
