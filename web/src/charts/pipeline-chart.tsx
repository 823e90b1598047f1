import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../api/client';
import { formatDate, useTranslation } from '../i18n';
import { ChartFrame } from './chart-frame';

type Pipeline = Schemas['BodyPipelineDto'];

/** The body at a glance: people per level, applications by state, renewals coming due. */
export function PipelineCharts({ p }: { p: Pipeline }) {
  const { t } = useTranslation('charts');
  const levels = p.levels.map((l) => ({
    ...l,
    name: p.levels.filter((x) => x.levelName === l.levelName).length > 1 ? `${l.levelName} (${l.schemeCode})` : l.levelName,
  }));
  const totalActive = levels.reduce((s, l) => s + l.active, 0);
  const apps = p.applications.map((a) => ({ state: t(`appState.${a.status}`), count: a.count }));
  const renewals = p.renewalsDue.map((r) => ({ window: t(`window.${r.window}`), count: r.count }));
  return (
    <div className="chart-grid">
      <ChartFrame
        title={t('levelsTitle')}
        summary={t('levelsSummary', { active: totalActive, levels: levels.length, enrolled: p.enrolled, without: p.enrolledWithoutLevel })}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t('level')}</th>
                <th scope="col">{t('active')}</th>
                <th scope="col">{t('lapsed')}</th>
                <th scope="col">{t('suspended')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((l) => (
                <tr key={`${l.schemeCode}:${l.levelCode}`}>
                  <th scope="row">{l.name}</th>
                  <td>{l.active}</td>
                  <td>{l.lapsed}</td>
                  <td>{l.suspended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={levels} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="active" name={t('active')} stackId="a" fill="#2e7d32" isAnimationActive={false} />
            <Bar dataKey="suspended" name={t('suspended')} stackId="a" fill="#8c6d00" isAnimationActive={false} />
            <Bar dataKey="lapsed" name={t('lapsed')} stackId="a" fill="#9e9e9e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame
        title={t('applicationsTitle')}
        summary={apps.length ? apps.map((a) => `${a.state}: ${a.count}`).join(', ') : t('noApplications')}
        height={200}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('count')}</th>
              </tr>
            </thead>
            <tbody>
              {apps.map((a) => (
                <tr key={a.state}>
                  <th scope="row">{a.state}</th>
                  <td>{a.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={apps} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
            <XAxis dataKey="state" tick={{ fontSize: 11 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
            <Tooltip />
            <Bar dataKey="count" name={t('count')} fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartFrame
        title={t('renewalsTitle')}
        summary={t('renewalsSummary', { date: formatDate(p.asOf), list: renewals.map((r) => `${r.window}: ${r.count}`).join(', ') })}
        height={200}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t('window.heading')}</th>
                <th scope="col">{t('count')}</th>
              </tr>
            </thead>
            <tbody>
              {renewals.map((r) => (
                <tr key={r.window}>
                  <th scope="row">{r.window}</th>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={renewals} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ccc" />
            <XAxis dataKey="window" tick={{ fontSize: 11 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
            <Tooltip />
            <Bar dataKey="count" name={t('count')} fill="#b5471b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}
