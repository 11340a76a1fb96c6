/**
 * Styles for a Glimpse shadow root: one constructed sheet per stylesheet, shared by every root
 * that uses it (pages whose CSP forbids inline <style> still allow a constructed sheet), else a
 * <style> element.
 */
import { htmlElement } from './html';

/** Returns a function that gives a shadow root `css` (the sheet is built once, on first use). */
export function stylesFor(css: string): (shadow: ShadowRoot) => void {
  let sheet: CSSStyleSheet | undefined;
  return (shadow) => {
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(css);
      // First, before whatever the root holds already (the capture veil's sheet stays last).
      shadow.adoptedStyleSheets = [sheet, ...shadow.adoptedStyleSheets.filter((held) => held !== sheet)];
    } catch {
      const style = htmlElement('style');
      style.textContent = css;
      shadow.append(style);
    }
  };
}
