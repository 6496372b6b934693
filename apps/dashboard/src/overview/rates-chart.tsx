import { useEffect, useRef, useState } from "preact/hooks";
import { categoryLabel } from "../records/category-columns";

const COLOURS = ["#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d"];

export interface RatesChartProps {
  categories: readonly string[];
  /** x values (seconds), then one series per category (percentages, NaN where none decided). */
  data: number[][];
}

/**
 * Daily opt-in rates per category as a line chart. uPlot is loaded on first use; it sizes its
 * canvas through the CSSOM, which the dashboard's CSP allows. The table beside it carries the
 * same figures for people who cannot see the chart.
 */
export function RatesChart({ categories, data }: RatesChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | null =
      null;
    let gone = false;
    const resize = () => {
      const width = host.current?.clientWidth ?? 600;
      chart?.setSize({ width, height: 240 });
    };
    Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
      ([{ default: UPlot }]) => {
        if (gone || !host.current) return;
        const width = host.current.clientWidth || 600;
        chart = new UPlot(
          {
            width,
            height: 240,
            scales: { y: { range: [0, 100] } },
            axes: [
              { stroke: "currentColor" },
              { stroke: "currentColor", values: (_u, ticks) => ticks.map((t) => `${t}%`) },
            ],
            series: [
              {},
              ...categories.map((id, i) => ({
                label: categoryLabel(id),
                stroke: COLOURS[i % COLOURS.length],
                width: 2,
                spanGaps: false,
              })),
            ],
          },
          data as unknown as [number[], ...number[][]],
          host.current,
        );
        window.addEventListener("resize", resize);
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      window.removeEventListener("resize", resize);
      chart?.destroy();
    };
  }, [categories, data]);

  return (
    <figure class="rates-chart">
      <figcaption id="rates-chart-caption">
        Opt-in rate per category, per day (last 30 days)
      </figcaption>
      <div ref={host} class="chart-host" aria-hidden="true" />
      {failed && <p>The chart could not be drawn; the table below has the same figures.</p>}
    </figure>
  );
}
