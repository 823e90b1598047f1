import { type ReactNode, useId } from 'react';
import { useTranslation } from '../i18n';

// Every chart is a figure: a caption, the picture (with a text summary as its accessible name) and the same
// figures as a table one click away — for screen readers, keyboard users and anyone who prefers numbers.
export function ChartFrame({
  title,
  summary,
  height = 260,
  children,
  table,
}: {
  title: string;
  /** one or two sentences a reader who cannot see the picture needs */
  summary: string;
  height?: number;
  children: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation('charts');
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <strong>{title}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} style={{ width: '100%', height }}>
        {children}
      </div>
      <details>
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </figure>
  );
}

/** Fills for ordered severity bands, mildest first: light enough that the line and its labels stay readable. */
export function bandFill(index: number, count: number): string {
  const ramp = ['#e3f2e1', '#f3f0d2', '#fbe3c4', '#f8d0c0', '#f2b8b5'];
  if (count <= 1) return ramp[0];
  return ramp[Math.round((index / (count - 1)) * (ramp.length - 1))];
}

export const CHART_COLOURS = ['#1f5fa8', '#b5471b', '#2e7d32', '#6a3d9a', '#8c6d00', '#00796b', '#ad1457', '#455a64'];
