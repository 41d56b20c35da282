import { Suspense, type ReactNode } from "react";

import { useI18n } from "../hooks/useI18n.ts";

/**
 * A lazily loaded chart beside the table with its figures. The chart is decorative for assistive
 * technology, which reads the table instead.
 */
export function ChartFigure({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  return (
    <figure className="chart-with-table">
      <figcaption>
        <h2>{title}</h2>
        <p className="small muted">{t.common.chartTableNote}</p>
      </figcaption>
      <div className="chart" aria-hidden="true">
        <Suspense fallback={<p>{t.version.chartLoading}</p>}>{chart}</Suspense>
      </div>
      <div className="chart-table">{table}</div>
    </figure>
  );
}
