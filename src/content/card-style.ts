/** The card's own styles: inside a shadow root, so pages can neither break nor be broken by them. */
export const CARD_CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.card {
  box-sizing: border-box; width: 300px; max-width: calc(100vw - 16px);
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #f8fafc; background: rgba(15, 23, 42, 0.96); border: 1px solid rgba(148, 163, 184, 0.35);
  border-radius: 12px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.35), 0 2px 6px rgba(0, 0, 0, 0.25);
  padding: 12px 14px; pointer-events: auto; text-align: left; direction: ltr;
  animation: appear 120ms ease-out;
}
@keyframes appear { from { opacity: 0; transform: translateY(-4px); } to { opacity: 1; transform: none; } }
.head { display: flex; align-items: flex-start; gap: 10px; }
.main { flex: 1; min-width: 0; }
.brand { font-size: 11px; letter-spacing: 0.08em; text-transform: uppercase; color: #94a3b8; margin: 0 0 2px; }
.label { font-size: 21px; font-weight: 650; line-height: 1.2; margin: 0; overflow-wrap: anywhere; }
.confidence { font-size: 15px; color: #cbd5e1; margin: 4px 0 0; }
.bar { height: 6px; background: rgba(148, 163, 184, 0.25); border-radius: 3px; overflow: hidden; margin-top: 8px; }
.bar > span { display: block; height: 100%; background: #60a5fa; border-radius: 3px; }
button {
  font: inherit; color: inherit; background: none; border: 0; cursor: pointer; border-radius: 6px;
}
button:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
.close { font-size: 22px; line-height: 1; width: 30px; height: 30px; color: #cbd5e1; flex: none; }
.close:hover { background: rgba(148, 163, 184, 0.2); color: #fff; }
.toggle, .retry {
  margin-top: 10px; padding: 5px 10px; font-size: 14px; background: rgba(96, 165, 250, 0.18); color: #bfdbfe;
}
.toggle:hover, .retry:hover { background: rgba(96, 165, 250, 0.3); }
ol { list-style: none; margin: 10px 0 0; padding: 0; display: grid; gap: 6px; }
li { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; font-size: 14px; }
li .bar { grid-column: 1 / -1; margin-top: 0; height: 4px; }
li .p { color: #cbd5e1; font-variant-numeric: tabular-nums; }
.meta { margin-top: 10px; font-size: 12px; color: #94a3b8; }
.working { display: flex; align-items: center; gap: 10px; font-size: 16px; margin: 2px 0; }
.spinner {
  width: 20px; height: 20px; border-radius: 50%; flex: none;
  border: 3px solid rgba(148, 163, 184, 0.35); border-top-color: #60a5fa; animation: spin 0.8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
.error .label { font-size: 16px; font-weight: 600; color: #fecaca; }
.error { border-color: rgba(248, 113, 113, 0.6); }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } .spinner { animation-duration: 2.4s; } }
`;
