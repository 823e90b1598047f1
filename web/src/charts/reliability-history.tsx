import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../api/client';
import { formatNumber, useTranslation } from '../i18n';
import { ChartFrame } from './chart-frame';

type Point = Schemas['ReliabilityPointDto'];

/** ICC(2,1) with its 95% CI band and Krippendorff's α, quarter by quarter; Koo & Li's band limits as lines. */
export function ReliabilityHistoryChart({ rubric, history }: { rubric: string; history: Point[] }) {
  const { t } = useTranslation('charts');
  if (history.length === 0) return null;
  const data = history.map((p) => ({
    period: p.period,
    icc: p.icc?.value ?? null,
    ci: p.icc ? [p.icc.ci95.lower, p.icc.ci95.upper] : null,
    alpha: p.alpha,
    ratings: p.ratings,
    targets: p.targets,
    band: p.band,
  }));
  const last = data[data.length - 1];
  const summary =
    last.icc === null
      ? t('reliabilityNotYet', { period: last.period })
      : t('reliabilitySummary', {
          period: last.period,
          icc: formatNumber(last.icc),
          band: t(`band.${last.band ?? 'poor'}`),
          points: data.length,
        });
  return (
    <ChartFrame
      title={t('reliabilityTitle', { rubric })}
      summary={summary}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('quarter')}</th>
              <th scope="col">{t('ratings')}</th>
              <th scope="col">ICC(2,1)</th>
              <th scope="col">{t('ci95')}</th>
              <th scope="col">α</th>
              <th scope="col">{t('bandHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.period}>
                <th scope="row">{d.period}</th>
                <td>{d.ratings}</td>
                <td>{d.icc === null ? '—' : formatNumber(d.icc)}</td>
                <td>{d.ci ? `${formatNumber(d.ci[0])} – ${formatNumber(d.ci[1])}` : '—'}</td>
                <td>{d.alpha === null ? '—' : formatNumber(d.alpha)}</td>
                <td>{d.band ? t(`band.${d.band}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis domain={[-0.2, 1]} ticks={[0, 0.5, 0.75, 0.9, 1]} tick={{ fontSize: 12 }} width={40} />
          <ReferenceLine
            y={0.5}
            stroke="#b3261e"
            strokeDasharray="2 4"
            label={{ value: t('band.moderate'), fontSize: 10, position: 'insideBottomRight' }}
          />
          <ReferenceLine
            y={0.75}
            stroke="#8c6d00"
            strokeDasharray="2 4"
            label={{ value: t('band.good'), fontSize: 10, position: 'insideBottomRight' }}
          />
          <ReferenceLine
            y={0.9}
            stroke="#2e7d32"
            strokeDasharray="2 4"
            label={{ value: t('band.excellent'), fontSize: 10, position: 'insideBottomRight' }}
          />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => formatNumber(Number(x))).join(' – ') : formatNumber(Number(v)))} />
          <Legend />
          <Area dataKey="ci" name={t('ci95')} fill="#9ec5ee" stroke="none" fillOpacity={0.6} isAnimationActive={false} connectNulls />
          <Line dataKey="icc" name="ICC(2,1)" stroke="#1f3b57" strokeWidth={2} isAnimationActive={false} connectNulls />
          <Line dataKey="alpha" name={t('alpha')} stroke="#b5471b" strokeDasharray="4 3" isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
