import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../api/client';
import { formatDate, formatNumber, useTranslation } from '../i18n';
import { bandFill, ChartFrame } from './chart-frame';

type Measure = Schemas['MeasureDto'];
type Change = Schemas['ChangeSummaryDto'];
type Instrument = Schemas['InstrumentDto'];

interface Point {
  x: number;
  label: string;
  total: number;
  date: string;
  severity: string;
  /** change from intake is reliable: improved (−1), deteriorated (+1), neither (0) */
  reliable: -1 | 0 | 1;
}

/** One chart per instrument: totals over the sessions, severity bands shaded, caseness line, reliable change marked. */
export function MeasureTrajectories({
  measures,
  change,
  instruments,
}: {
  measures: Measure[];
  change: Change[];
  instruments: Instrument[];
}) {
  const codes = [...new Set(measures.map((m) => m.instrument))].sort();
  return (
    <>
      {codes.map((code) => {
        const info = instruments.find((i) => i.code === code);
        const list = measures.filter((m) => m.instrument === code);
        const ch = change.find((c) => c.instrument === code);
        return info && list.length > 0 ? <Trajectory key={code} info={info} list={list} ch={ch} /> : null;
      })}
    </>
  );
}

function Trajectory({ info, list, ch }: { info: Instrument; list: Measure[]; ch: Change | undefined }) {
  const { t } = useTranslation('charts');
  const sorted = [...list].sort(
    (a, b) => a.administeredOn.localeCompare(b.administeredOn) || (a.sessionNumber ?? -1) - (b.sessionNumber ?? -1),
  );
  const intake = ch?.intake.total ?? sorted[0].total;
  const rc = info.reliableChange;
  // sessions spaced as they were (intake = 0); an administration without a session number goes after the last one
  let lastX = -1;
  const points: Point[] = sorted.map((m, i) => ({
    x: (lastX = m.sessionNumber ?? lastX + 1),
    label:
      m.sessionNumber === null ? formatDate(m.administeredOn) : m.sessionNumber === 0 ? t('intake') : t('sessionN', { n: m.sessionNumber }),
    total: m.total,
    date: m.administeredOn,
    severity: m.severity,
    reliable: rc === null || i === 0 ? 0 : intake - m.total >= rc ? -1 : m.total - intake >= rc ? 1 : 0,
  }));
  const title = t('trajectoryTitle', { instrument: info.name, construct: info.construct });
  return (
    <ChartFrame
      title={title}
      summary={trajectorySummary(t, info, ch)}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('administration')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('total')}</th>
              <th scope="col">{t('bandHeading')}</th>
              <th scope="col">{t('changeFromIntake')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.x}-${p.date}`}>
                <th scope="row">{p.label}</th>
                <td>{formatDate(p.date)}</td>
                <td>{p.total}</td>
                <td>{p.severity.replace(/_/g, ' ')}</td>
                <td>
                  {p === points[0] ? '—' : signed(p.total - intake)}
                  {p.reliable === -1 && ` (${t('reliableImprovement')})`}
                  {p.reliable === 1 && ` (${t('reliableDeterioration')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          {info.bands.map((b, i) => (
            <ReferenceArea
              key={b.label}
              y1={i === 0 ? info.total.min : b.min - 0.5}
              y2={i === info.bands.length - 1 ? info.total.max : b.max + 0.5}
              fill={bandFill(i, info.bands.length)}
              fillOpacity={1}
              stroke="none"
              ifOverflow="hidden"
              label={{ value: b.label.replace(/_/g, ' '), position: 'insideRight', fontSize: 11, fill: '#555' }}
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={points.map((p) => p.x)}
            tickFormatter={(x: number) => points.find((p) => p.x === x)?.label ?? String(x)}
            tick={{ fontSize: 12 }}
          />
          <YAxis domain={[info.total.min, info.total.max]} allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
          {info.casenessAt !== null && (
            <ReferenceLine
              y={info.casenessAt}
              stroke="#7a1f1f"
              strokeDasharray="6 4"
              label={{ value: t('casenessLine', { n: info.casenessAt }), position: 'insideTopLeft', fontSize: 11, fill: '#7a1f1f' }}
            />
          )}
          {rc !== null && points.length > 1 && (
            <ReferenceLine
              y={Math.max(info.total.min, intake - rc)}
              stroke="#2e7d32"
              strokeDasharray="2 3"
              label={{ value: t('reliableLine', { n: rc }), position: 'insideBottomLeft', fontSize: 11, fill: '#2e7d32' }}
            />
          )}
          <Tooltip formatter={(v) => [String(v), t('total')]} labelFormatter={(x) => points.find((p) => p.x === x)?.label ?? String(x)} />
          <Line type="linear" dataKey="total" stroke="#1f3b57" strokeWidth={2} isAnimationActive={false} dot={<ChangeDot />} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** A point on the line: a filled green diamond for a reliable improvement from intake, a red square for a reliable
 *  deterioration, a plain dot otherwise (shape as well as colour, so it reads in greyscale). */
function ChangeDot(props: { cx?: number; cy?: number; payload?: Point }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  if (payload.reliable === -1)
    return <path d={`M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`} fill="#2e7d32" stroke="#fff" />;
  if (payload.reliable === 1) return <rect x={cx - 6} y={cy - 6} width={12} height={12} fill="#b3261e" stroke="#fff" />;
  return <circle cx={cx} cy={cy} r={4} fill="#1f3b57" stroke="#fff" />;
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

type T = (key: string, o?: Record<string, unknown>) => string;
export function trajectorySummary(t: T, info: Instrument, ch: Change | undefined): string {
  if (!ch || !ch.latest || ch.change === null) return t('onlyIntake', { total: ch?.intake.total ?? '—' });
  const parts = [t('fromTo', { from: ch.intake.total, to: ch.latest.total, change: signed(ch.change) })];
  if (ch.reliablyImproved) parts.push(t('summaryImproved', { n: info.reliableChange }));
  else if (ch.reliablyDeteriorated) parts.push(t('summaryDeteriorated', { n: info.reliableChange }));
  else if (ch.reliablyImproved === false) parts.push(t('summaryNoReliable', { n: info.reliableChange }));
  if (ch.reliablyRecovered) parts.push(t('summaryReliablyRecovered', { n: info.casenessAt }));
  else if (ch.recovered) parts.push(t('summaryRecovered', { n: info.casenessAt }));
  return parts.join(' ');
}
