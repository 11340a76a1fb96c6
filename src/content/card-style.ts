/**
 * The label's and card's own styles: inside a closed shadow root, so pages can neither break nor
 * be broken by them. Every size is in px (a page's huge root font cannot inflate it); colours
 * are light on near-black (readable on any photo and on a projector). Presenter mode makes the
 * label one big line (40 px) in white on black with a yellow edge.
 */
export const CARD_CSS = `
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.glimpse {
  font: 400 15px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #f8fafc; text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none;
  text-shadow: none; white-space: normal; -webkit-font-smoothing: antialiased; pointer-events: none;
  --accent: #60a5fa; --lift: 0 2px 8px rgba(0, 0, 0, 0.45);
}
.glimpse[data-certainty="probably"] { --accent: #fbbf24; }
.glimpse[data-certainty="unsure"] { --accent: #cbd5e1; }
.glimpse[data-state="error"] { --accent: #f87171; }
button {
  font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; cursor: pointer;
  text-transform: none; letter-spacing: normal; text-align: inherit;
}
button:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
p { margin: 0; }
.icon { display: block; flex: none; width: 18px; height: 18px; }

.chip {
  position: relative; display: flex; align-items: center; gap: 7px; max-width: var(--fit, 260px); min-height: 30px;
  padding: 4px 11px 4px 6px; font-weight: 650; font-size: 15px; line-height: 1.25;
  background: #0f172a; color: #f8fafc; border: 2px solid var(--accent); border-radius: 8px;
  box-shadow: var(--lift); pointer-events: auto; overflow-wrap: anywhere;
  animation: appear 120ms ease-out;
}
.chip:disabled { cursor: default; }
.chip:not(:disabled):hover { background: #1e293b; }
.short { min-width: 0; }
/* The tie to the picture: a bracket on its corner, or a notch on the edge the label touches. */
.glimpse[data-side^="inside"] .chip::before {
  content: ""; position: absolute; width: 12px; height: 12px; border: 0 solid var(--accent);
}
.glimpse[data-side="inside-top-left"] .chip::before { left: -8px; top: -8px; border-width: 3px 0 0 3px; }
.glimpse[data-side="inside-top-right"] .chip::before { right: -8px; top: -8px; border-width: 3px 3px 0 0; }
.glimpse[data-side="inside-bottom-left"] .chip::before { left: -8px; bottom: -8px; border-width: 0 0 3px 3px; }
.glimpse[data-side="inside-bottom-right"] .chip::before { right: -8px; bottom: -8px; border-width: 0 3px 3px 0; }
/* (Inset shadows, not wider borders: the side must not change the label's size once it is placed.) */
.glimpse[data-side="below"] .chip { border-top-left-radius: 0; border-top-right-radius: 0; box-shadow: inset 0 3px 0 var(--accent), var(--lift); }
.glimpse[data-side="above"] .chip { border-bottom-left-radius: 0; border-bottom-right-radius: 0; box-shadow: inset 0 -3px 0 var(--accent), var(--lift); }
.glimpse[data-side="right"] .chip { border-top-left-radius: 0; border-bottom-left-radius: 0; box-shadow: inset 3px 0 0 var(--accent), var(--lift); }
.glimpse[data-side="left"] .chip { border-top-right-radius: 0; border-bottom-right-radius: 0; box-shadow: inset -3px 0 0 var(--accent), var(--lift); }

.spinner {
  display: block; width: 18px; height: 18px; border-radius: 50%; flex: none;
  border: 3px solid #334155; border-top-color: #60a5fa; animation: spin 0.8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@keyframes appear { from { opacity: 0; } to { opacity: 1; } }

.card {
  position: relative; display: block; width: 320px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px);
  overflow: auto; padding: 12px 16px 14px; font-size: 16px; line-height: 1.35;
  background: #0f172a; color: #f8fafc; border: 2px solid var(--accent); border-radius: 12px;
  box-shadow: 0 12px 32px rgba(0, 0, 0, 0.45), 0 2px 6px rgba(0, 0, 0, 0.3); pointer-events: auto;
  user-select: text; cursor: auto;
}
.head { display: flex; align-items: baseline; gap: 6px; padding-inline-end: 40px; margin-bottom: 6px; white-space: nowrap; }
.head .icon { align-self: center; }
.brand { font-size: 13px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: #93c5fd; }
.by { font-size: 12px; color: #cbd5e1; }
.sentence { font-size: 24px; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
.also { margin-top: 6px; font-size: 15px; color: #e2e8f0; }
.message { font-size: 18px; font-weight: 600; line-height: 1.3; color: #fee2e2; }
.close {
  position: absolute; top: 4px; inset-inline-end: 4px; display: grid; place-items: center; width: 40px; height: 40px;
  font-size: 28px; line-height: 1; color: #e2e8f0; border-radius: 8px;
}
.close:hover { background: #334155; color: #fff; }
.retry { margin-top: 12px; padding: 7px 14px; font-size: 16px; font-weight: 600; background: #1e3a8a; color: #fff; border-radius: 8px; }
.retry:hover { background: #1d4ed8; }
.top5 { list-style: none; margin: 12px 0 0; padding: 0; display: grid; gap: 7px; }
.top5 li { display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; font-size: 15px; }
.top5 .name { overflow-wrap: anywhere; }
.top5 .p { color: #e2e8f0; font-variant-numeric: tabular-nums; }
.bar { grid-column: 1 / -1; display: block; height: 6px; background: #334155; border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #60a5fa; border-radius: 3px; }
.meta { margin-top: 12px; font-size: 13px; color: #cbd5e1; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

.presenter .chip {
  max-width: calc(100vw - 16px); min-height: 0; gap: 12px; padding: 6px 18px 8px 10px;
  font-size: 40px; font-weight: 750; line-height: 1.15; white-space: nowrap; overflow: hidden;
  background: #000; color: #fff; border: 4px solid #facc15; border-radius: 12px;
}
.presenter .short { overflow: hidden; text-overflow: ellipsis; }
.presenter .chip .icon { width: 34px; height: 34px; }
.presenter .spinner { width: 34px; height: 34px; border-width: 5px; }
.presenter[data-certainty="unsure"] .chip { border-color: #fff; }

@media (prefers-reduced-motion: reduce) { .chip { animation: none; } .spinner { animation-duration: 2.4s; } }
@media (forced-colors: active) { .chip, .card { border-color: CanvasText; } .bar > span { background: Highlight; } }
`;
