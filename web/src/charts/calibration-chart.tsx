import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Schemas } from '../api/client';
import { formatDate, formatNumber, useTranslation } from '../i18n';
import { CHART_COLOURS, ChartFrame } from './chart-frame';

type Results = Schemas['CalibrationResultsDto'];
type Attempt = Schemas['CalibrationAttemptDto'];

/** For a body admin: each rater's bias against the reference (bar) with the spread of their differences (whisker),
 *  and each rater's item scores drawn against the reference scores. */
export function CalibrationResultsChart({ results }: { results: Results }) {
  const { t } = useTranslation('charts');
  const tol = results.tolerance.maxMeanAbsDiff;
  const raters = results.raters.map((r) => ({ ...r, name: r.raterName, spreadBar: r.spread }));
  const outside = raters.filter((r) => !r.withinTolerance);
  const summary =
    raters.length === 0
      ? t('calibrationNone')
      : t('calibrationSummary', {
          count: raters.length,
          outside: outside.length,
          lenient: raters.filter((r) => r.bias > 0).length,
          severe: raters.filter((r) => r.bias < 0).length,
        });
  const items = results.items.map((i) => ({
    item: i.label,
    reference: results.referenceScores[i.code],
    ...Object.fromEntries(raters.map((r) => [r.raterId, r.scores[i.code]])),
  }));
  return (
    <>
      <ChartFrame
        title={t('biasTitle', { title: results.title })}
        summary={summary}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rater')}</th>
                <th scope="col">{t('bias')}</th>
                <th scope="col">{t('spread')}</th>
                <th scope="col">{t('meanAbsDiff')}</th>
                <th scope="col">{t('withinTolerance')}</th>
                <th scope="col">{t('date')}</th>
              </tr>
            </thead>
            <tbody>
              {raters.map((r) => (
                <tr key={r.raterId}>
                  <th scope="row">{r.name}</th>
                  <td>{formatNumber(r.bias)}</td>
                  <td>{formatNumber(r.spread)}</td>
                  <td>{formatNumber(r.meanAbsDiff)}</td>
                  <td>{r.withinTolerance ? t('yes') : t('no')}</td>
                  <td>{formatDate(r.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={raters} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} width={40} />
            <ReferenceLine y={0} stroke="#333" />
            <ReferenceLine
              y={tol}
              stroke="#7a1f1f"
              strokeDasharray="6 4"
              label={{ value: t('lenientTolerance', { n: tol }), fontSize: 11, position: 'insideTopRight' }}
            />
            <ReferenceLine
              y={-tol}
              stroke="#7a1f1f"
              strokeDasharray="6 4"
              label={{ value: t('severeTolerance', { n: -tol }), fontSize: 11, position: 'insideBottomRight' }}
            />
            <Tooltip formatter={(v, n) => [formatNumber(Number(v)), n === 'bias' ? t('bias') : String(n)]} />
            <Bar dataKey="bias" name={t('bias')} isAnimationActive={false}>
              {raters.map((r) => (
                <Cell key={r.raterId} fill={r.withinTolerance ? '#2e7d32' : '#b3261e'} />
              ))}
              <ErrorBar dataKey="spreadBar" width={8} stroke="#333" direction="y" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      {raters.length > 0 && (
        <ChartFrame
          title={t('itemsTitle')}
          summary={t('itemsSummary', { items: results.items.length, raters: raters.length })}
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('item')}</th>
                  <th scope="col">{t('reference')}</th>
                  {raters.map((r) => (
                    <th scope="col" key={r.raterId}>
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((row) => (
                  <tr key={row.item}>
                    <th scope="row">{row.item}</th>
                    <td>{row.reference}</td>
                    {raters.map((r) => (
                      <td key={r.raterId}>{(row as Record<string, unknown>)[r.raterId] as number}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={items} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
              <XAxis dataKey="item" tick={{ fontSize: 11 }} interval={0} />
              <YAxis domain={[results.scale.min, results.scale.max]} allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
              <Tooltip />
              <Legend />
              <Line dataKey="reference" name={t('reference')} stroke="#000" strokeWidth={3} isAnimationActive={false} />
              {raters.map((r, i) => (
                <Line
                  key={r.raterId}
                  dataKey={r.raterId}
                  name={r.name}
                  stroke={CHART_COLOURS[i % CHART_COLOURS.length]}
                  strokeDasharray="4 3"
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      )}
    </>
  );
}

/** For a rater: their own attempts over time, bias and mean absolute difference against each reference. */
export function MyCalibrationChart({ attempts, tolerance }: { attempts: Attempt[]; tolerance: number | null }) {
  const { t } = useTranslation('charts');
  const data = [...attempts]
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .map((a) => ({ date: formatDate(a.submittedAt), bias: a.figures.bias, mad: a.figures.meanAbsDiff, ok: a.figures.withinTolerance }));
  if (data.length === 0) return null;
  const last = data[data.length - 1];
  return (
    <ChartFrame
      title={t('myCalibrationTitle')}
      summary={t('myCalibrationSummary', { count: data.length, bias: formatNumber(last.bias), mad: formatNumber(last.mad) })}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('bias')}</th>
              <th scope="col">{t('meanAbsDiff')}</th>
              <th scope="col">{t('withinTolerance')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={i}>
                <th scope="row">{d.date}</th>
                <td>{formatNumber(d.bias)}</td>
                <td>{formatNumber(d.mad)}</td>
                <td>{d.ok ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
          <XAxis dataKey="date" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={40} />
          <ReferenceLine y={0} stroke="#333" />
          {tolerance !== null && (
            <ReferenceLine y={tolerance} stroke="#7a1f1f" strokeDasharray="6 4" label={{ value: t('tolerance'), fontSize: 11 }} />
          )}
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Legend />
          <Line dataKey="bias" name={t('bias')} stroke="#1f5fa8" isAnimationActive={false} />
          <Line dataKey="mad" name={t('meanAbsDiff')} stroke="#b5471b" strokeDasharray="4 3" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
