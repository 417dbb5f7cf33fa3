// Waiting and in-progress chats over the day as a uPlot line chart; created once, fed new data on each update.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelinePoint } from '../stats/dashboard-stats';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function TimelineChart(props: { points: TimelinePoint[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const data: uPlot.AlignedData = [props.points.map((p) => p.at / 1000), props.points.map((p) => p.waiting), props.points.map((p) => p.inProgress)];

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = cssVar('--text-muted', '#666');
    const grid = cssVar('--border', '#ddd');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const u = new uPlot(
      {
        width: Math.max(300, el.clientWidth),
        height: 220,
        scales: { y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] } },
        axes: [axis, { ...axis, size: 40 }],
        series: [
          {},
          { label: 'Waiting', stroke: cssVar('--warn', '#d97706'), width: 2, fill: cssVar('--warn-soft', 'rgba(217,119,6,0.12)'), paths: uPlot.paths.stepped!({ align: 1 }) },
          { label: 'In progress', stroke: cssVar('--accent', '#2563eb'), width: 2, paths: uPlot.paths.stepped!({ align: 1 }) },
        ],
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      el,
    );
    chart.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(300, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      chart.current = null;
    };
    // The chart is built once; data updates go through setData below.
  }, []);

  useEffect(() => {
    chart.current?.setData(data);
  });

  return <div ref={box} className="chart" role="img" aria-label={props.label} />;
}
