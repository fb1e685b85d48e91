/**
 * Geometry for the report's inline SVG charts, computed here so templates only print numbers.
 * Two charts: readiness per in-scope category (bars) and criterion status per series (stacked bars).
 */
import type { Assessment, Status } from '../scoring.js';
import { percent } from '../scoring.js';

export interface Bar {
  label: string;
  y: number;
  width: number;
  valueLabel: string;
  status: Status;
  textX: number;
}

export interface Segment {
  x: number;
  width: number;
  status: Status;
  count: number;
}

export interface StackedRow {
  label: string;
  name: string;
  y: number;
  segments: Segment[];
  total: number;
}

export const CHART = { width: 640, labelWidth: 170, barHeight: 22, gap: 10, plot: 400 };
const STACK_ORDER: Status[] = ['ready', 'partial', 'gap', 'unmapped', 'not-applicable', 'excluded'];

export function categoryBars(a: Assessment): {
  height: number;
  bars: Bar[];
  ticks: { x: number; label: string }[];
  readyX: number;
} {
  const inScope = a.categories.filter((c) => c.inScope);
  const bars = inScope.map((c, i): Bar => {
    const p = percent(c.score) ?? 0;
    const width = Math.round((p / 100) * CHART.plot);
    return {
      label: c.name,
      y: 20 + i * (CHART.barHeight + CHART.gap),
      width,
      valueLabel: c.score === null ? 'n/a' : `${p}%`,
      status: c.status,
      textX: CHART.labelWidth + width + 6,
    };
  });
  const ticks = [0, 25, 50, 75, 100].map((t) => ({ x: CHART.labelWidth + (t / 100) * CHART.plot, label: `${t}%` }));
  const readyX = CHART.labelWidth + (a.thresholds.ready / 100) * CHART.plot;
  return { height: 30 + inScope.length * (CHART.barHeight + CHART.gap), bars, ticks, readyX };
}

export function seriesStacks(a: Assessment): { height: number; rows: StackedRow[] } {
  const series = [...new Set(a.criteria.filter((c) => c.inScope).map((c) => c.series))];
  const rows = series.map((name, i): StackedRow => {
    const criteria = a.criteria.filter((c) => c.inScope && c.series === name);
    let x = CHART.labelWidth;
    const segments: Segment[] = [];
    for (const status of STACK_ORDER) {
      const count = criteria.filter((c) => c.status === status).length;
      if (count === 0) continue;
      const width = Math.round((count / criteria.length) * CHART.plot);
      segments.push({ x, width, status, count });
      x += width;
    }
    return { label: name.split(' ')[0]!, name, y: 10 + i * (CHART.barHeight + 6), segments, total: criteria.length };
  });
  return { height: 20 + series.length * (CHART.barHeight + 6), rows };
}
