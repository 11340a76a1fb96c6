/**
 * Small DOM builders for the card. Elements are made in the XHTML namespace (so they work in
 * SVG and XML documents too) and never through HTML strings (pages with Trusted Types refuse those).
 */
import { htmlElement } from '../host/html';

const SVG = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = htmlElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function svg(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Glimpse's icon (the toolbar's lens on a blue square), so the label is evidently the extension's. */
export function brandIcon(): SVGElement {
  const icon = svg('svg', { viewBox: '-1 -1 2 2', class: 'icon', 'aria-hidden': 'true', focusable: 'false' });
  icon.append(
    svg('rect', { x: '-0.96', y: '-0.96', width: '1.92', height: '1.92', rx: '0.34', fill: '#3b5bdb' }),
    svg('circle', { cx: '-0.1', cy: '-0.1', r: '0.4', fill: 'none', stroke: '#fff', 'stroke-width': '0.22' }),
    svg('line', { x1: '0.22', y1: '0.22', x2: '0.6', y2: '0.6', stroke: '#fff', 'stroke-width': '0.26', 'stroke-linecap': 'round' }),
    svg('circle', { cx: '-0.24', cy: '-0.24', r: '0.1', fill: '#ffd666' }),
  );
  return icon;
}

export function spinner(still = false): HTMLElement {
  const element = el('span', still ? 'spinner still' : 'spinner');
  element.setAttribute('aria-hidden', 'true');
  return element;
}

/** A bar as long as the probability. */
export function bar(probability: number): HTMLElement {
  const outer = el('span', 'bar');
  outer.setAttribute('aria-hidden', 'true');
  const inner = el('span');
  inner.style.width = `${Math.max(2, Math.round(probability * 100))}%`;
  outer.append(inner);
  return outer;
}

export function button(className: string, text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const element = el('button', className, text);
  element.type = 'button';
  if (label) {
    element.setAttribute('aria-label', label);
    element.title = label;
  }
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return element;
}
