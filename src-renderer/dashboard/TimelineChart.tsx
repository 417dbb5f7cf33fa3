// The "Over the day" uPlot chart: draws a shaped DayChart (server hourly bars + line, or the offline estimate).
// Built once per series layout (the parent keys it by source); later data goes through setData.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clockLabel, hourIndexAt, hourRangeLabel, hourSplits, type DayChart, type DaySeries, type DaySeriesTone } from '../stats/day-chart';

const HEIGHT = 240;
/** Bar width and offsets in hours from the hour's start: queued on the left half, assigned on the right. */
const BAR = 0.38;
const BAR_OFFSET = { 'bar-left': 0.1, 'bar-right': 0.5 } as const;
/** uPlot.BarsPathBuilderFacetUnit.ScaleValue (a const enum, so not importable under isolatedModules). */
const SCALE_VALUE = 1;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const tones: Record<DaySeriesTone, [string, string]> = {
  queued: ['--warn', '#d97706'],
  assigned: ['--accent', '#2563eb'],
  waiting: ['--danger', '#dc2626'],
  inProgress: ['--accent', '#2563eb'],
};

const legendValue = (_u: uPlot, v: number | null) => (v == null ? '—' : String(v));

function seriesOptions(s: DaySeries, barStarts: { current: number[] }): uPlot.Series {
  const [name, fallback] = tones[s.tone];
  const color = cssVar(name, fallback);
  const base = { label: s.label, value: legendValue };
  if (s.style === 'bar-left' || s.style === 'bar-right') {
    const offset = BAR_OFFSET[s.style];
    return {
      ...base,
      stroke: color,
      fill: color,
      width: 0,
      points: { show: false },
      paths: uPlot.paths.bars!({
        disp: {
          x0: { unit: SCALE_VALUE, values: () => barStarts.current.map((x) => x + offset) },
          size: { unit: SCALE_VALUE, values: () => barStarts.current.map(() => BAR) },
        },
      }),
    };
  }
  if (s.style === 'line') return { ...base, stroke: color, width: 2, points: { show: true, size: 6, fill: color } };
  return { ...base, stroke: color, width: 2, points: { show: false }, paths: uPlot.paths.stepped!({ align: 1 }) };
}

export function TimelineChart(props: { chart: DayChart }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { chart } = props;
  // Read by uPlot callbacks at draw time, so they always see the latest chart without rebuilding it.
  const xMax = useRef(chart.xMax);
  xMax.current = chart.xMax;
  const barStarts = useRef(chart.barStarts);
  barStarts.current = chart.barStarts;
  const latest = useRef(chart);
  latest.current = chart;
  const hourly = chart.source === 'server';
  const data: uPlot.AlignedData = [chart.xs, ...chart.series.map((s) => s.values)];

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = cssVar('--text-muted', '#666');
    const grid = cssVar('--border', '#ddd');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '12px system-ui, sans-serif', labelFont: '12px system-ui, sans-serif' };
    const u = new uPlot(
      {
        width: Math.max(300, el.clientWidth),
        height: HEIGHT,
        scales: {
          x: { time: false, range: () => [0, xMax.current] },
          y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] },
        },
        axes: [
          { ...axis, label: chart.xLabel, labelSize: 24, splits: () => hourSplits(xMax.current), values: (_u, splits) => splits.map((h) => clockLabel(latest.current.origin, latest.current.timeZone, h)) },
          { ...axis, label: chart.yLabel, labelSize: 24, size: 40, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        ],
        series: [
          { label: chart.xLegend, value: (_u, v) => (v == null ? '—' : hourly ? hourRangeLabel(latest.current, v) : clockLabel(latest.current.origin, latest.current.timeZone, v)) },
          ...chart.series.map((s) => seriesOptions(s, barStarts)),
        ],
        legend: { show: true },
        cursor: {
          drag: { x: false, y: false },
          // Hovering a bar shows its own hour, not whichever hour's end point happens to be nearest.
          dataIdx: (_u, _series, closest, x) => (hourly ? hourIndexAt(barStarts.current, x) : closest),
        },
      },
      data,
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(300, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Built once per layout (the parent re-keys on source); data updates go through setData below.
  }, []);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return <div ref={box} className="chart" role="img" aria-label={chart.ariaLabel} />;
}
