import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { plainName } from '../../shared/answer-words';
import { capitalise } from '../../shared/answer-text';
import { heatmapCanvas } from '../../shared/heatmap-image';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import './WhyView.css';

/** Tallest the picture is drawn in the details, in CSS pixels. */
const MAX_HEIGHT = 260;

/** The heat-map, stretched over the whole picture (both keep the picture's aspect ratio). */
function HeatmapOver({ entry }: { entry: HistoryEntry }) {
  const slot = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const canvas = heatmapCanvas(entry.explanation!);
    canvas.className = 'why-map';
    slot.current?.replaceChildren(canvas);
  }, [entry.id]);
  return <span ref={slot} class="why-map-slot" aria-hidden="true" />;
}

/** "Why?" in an answer's details: the picture with where the model looked laid over it, and a legend. */
export function WhyView({ entry }: { entry: HistoryEntry }) {
  const [open, setOpen] = useState(false);
  if (!entry.explanation) return null;
  const label = entry.predictions[0] ? capitalise(plainName(entry.predictions[0])) : '';
  return (
    <div class="why">
      <button type="button" class="button secondary small why-toggle" aria-pressed={open} title={t('whyTitle')}
        onClick={() => setOpen(!open)}>
        {t(open ? 'whyHide' : 'whyShow')}
      </button>
      {open && (
        <figure class="why-figure">
          <span class="why-picture"
            style={{ aspectRatio: `${entry.width} / ${entry.height}`, width: `min(100%, ${Math.round((MAX_HEIGHT * entry.width) / entry.height)}px)` }}>
            <img src={entry.thumbnail} alt={label} draggable={false} />
            <HeatmapOver entry={entry} />
          </span>
          <figcaption class="why-legend">{t('whyLegend', label)}</figcaption>
        </figure>
      )}
    </div>
  );
}
