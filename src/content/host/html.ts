const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * An HTML element, in any document. In an XML document (an .svg file opened in its own tab)
 * createElement makes namespace-less elements that neither render nor take a shadow root.
 */
export function htmlElement<K extends keyof HTMLElementTagNameMap>(tag: K, doc: Document = document): HTMLElementTagNameMap[K] {
  return doc.createElementNS(XHTML, tag) as HTMLElementTagNameMap[K];
}

/** An HTML element with a custom name (a card host), in any document. */
export const customElement = (name: string, doc: Document = document): HTMLElement => doc.createElementNS(XHTML, name) as HTMLElement;
