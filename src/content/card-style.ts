/**
 * The card's own styles: inside a shadow root, so pages can neither break nor be broken by them.
 * Every size is in px (a page's huge root font cannot inflate it) and big enough to read from
 * the back of a room on a projector; colours are high-contrast light on near-black.
 */
export const CARD_CSS = `
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.card {
  display: block; position: relative; width: 320px; max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px); overflow: auto;
  font: 400 17px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #f8fafc; background: #0f172a; border: 2px solid #475569;
  border-radius: 14px; box-shadow: 0 12px 32px rgba(0, 0, 0, 0.45), 0 2px 6px rgba(0, 0, 0, 0.3);
  padding: 14px 18px 16px; pointer-events: auto; text-align: start;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-shadow: none; white-space: normal;
  user-select: text; cursor: auto; -webkit-font-smoothing: antialiased;
  animation: appear 120ms ease-out;
}
@keyframes appear { from { opacity: 0; transform: translateY(-4px); } to { opacity: 1; transform: none; } }
p { margin: 0; }
.brand { font-size: 13px; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: #93c5fd; margin-bottom: 4px; }
.label { font-size: 26px; font-weight: 700; line-height: 1.15; overflow-wrap: anywhere; padding-inline-end: 34px; }
.confidence { font-size: 18px; color: #e2e8f0; margin-top: 4px; }
.bar { height: 8px; background: #334155; border-radius: 4px; overflow: hidden; margin-top: 10px; }
.bar > span { display: block; height: 100%; background: #60a5fa; border-radius: 4px; }
button {
  display: inline-block; font: inherit; color: inherit; background: none; border: 0; margin: 0; cursor: pointer;
  border-radius: 8px; text-transform: none; letter-spacing: normal;
}
button:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
.close {
  position: absolute; top: 6px; inset-inline-end: 6px; display: grid; place-items: center; width: 44px; height: 44px;
  font-size: 30px; line-height: 1; color: #e2e8f0;
}
.close:hover { background: #334155; color: #fff; }
.toggle, .retry, .why-toggle {
  margin-top: 12px; padding: 7px 14px; font-size: 16px; font-weight: 600; background: #1e3a8a; color: #fff;
}
.toggle:hover, .retry:hover, .why-toggle:hover { background: #1d4ed8; }
.why { display: inline; }
.why-toggle { margin-inline-start: 8px; }
.why-toggle[aria-pressed="true"] { background: #854d0e; }
.why-legend { margin-top: 10px; font-size: 15px; color: #fde68a; }
.top5 { list-style: none; margin: 12px 0 0; padding: 0; display: grid; gap: 8px; }
.top5 li { display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; font-size: 17px; }
.top5 li .bar { grid-column: 1 / -1; margin-top: 0; height: 6px; }
.top5 li .name { overflow-wrap: anywhere; }
.top5 li .p { color: #e2e8f0; font-variant-numeric: tabular-nums; }
.meta { margin-top: 12px; font-size: 14px; color: #cbd5e1; }
.working { display: flex; align-items: center; gap: 12px; font-size: 18px; margin: 4px 0 2px; }
.spinner {
  display: block; width: 24px; height: 24px; border-radius: 50%; flex: none;
  border: 4px solid #334155; border-top-color: #60a5fa; animation: spin 0.8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
.error { border-color: #f87171; }
.error .label { font-size: 19px; font-weight: 600; line-height: 1.3; color: #fee2e2; }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } .spinner { animation-duration: 2.4s; } }
@media (forced-colors: active) { .card { border-color: CanvasText; } .bar > span { background: Highlight; } }
`;
