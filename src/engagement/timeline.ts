/** Geometry of the HTML report's audit timeline (inline SVG): one row per control that must occur. */
import { addMonths, daysBetween } from './dates.js';
import { monthLabel } from './labels.js';

export const TIMELINE = { width: 720, labelWidth: 100, rowHeight: 18, top: 28 };

export interface TimelineRow {
  id: string;
  y: number;
  /** One marker per scheduled date inside the window. */
  markers: { x: number; date: string }[];
}

export interface Timeline {
  width: number;
  height: number;
  labelWidth: number;
  plotWidth: number;
  barY: number;
  ticks: { x: number; label: string }[];
  rows: TimelineRow[];
  title: string;
}

export function timeline(
  window: { start: string; end: string },
  controls: { id: string; dueDates: string[] }[],
): Timeline {
  const plotWidth = TIMELINE.width - TIMELINE.labelWidth - 10;
  const span = daysBetween(window.start, window.end) || 1;
  const x = (date: string) => round(TIMELINE.labelWidth + (daysBetween(window.start, date) / span) * plotWidth);
  const ticks: Timeline['ticks'] = [];
  for (let m = window.start.slice(0, 7) + '-01'; m <= window.end; m = addMonths(m, 1))
    if (m >= window.start) ticks.push({ x: x(m), label: monthLabel(m).slice(0, 3) });
  const rows = controls.map((c, i) => ({
    id: c.id,
    y: TIMELINE.top + i * TIMELINE.rowHeight,
    markers: c.dueDates.map((date) => ({ x: x(date), date })),
  }));
  return {
    width: TIMELINE.width,
    height: TIMELINE.top + rows.length * TIMELINE.rowHeight + 8,
    labelWidth: TIMELINE.labelWidth,
    plotWidth,
    barY: TIMELINE.top - 6,
    ticks,
    rows,
    title: `Controls that must occur between ${window.start} and ${window.end}`,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
