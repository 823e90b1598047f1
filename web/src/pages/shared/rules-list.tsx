import type { TFunction } from 'i18next';
import type { Schemas } from '../../api/client';
import { Link } from '../../router';
import { formatNumber, useTranslation } from '../../i18n';
import { Badge } from '../../ui';

type Level = Schemas['LevelReportDto'];

/** A level's verdict in the reader's language (the service's own `summary` is in English). Any namespace's `t` will do. */
export const levelSummary = (t: TFunction, l: { metCount: number; ruleCount: number }) =>
  l.metCount === l.ruleCount
    ? t(l.ruleCount === 1 ? 'progress:summary.one' : 'progress:summary.all', { count: l.ruleCount })
    : t('progress:summary.some', { met: formatNumber(l.metCount), count: l.ruleCount, total: formatNumber(l.ruleCount) });

// Evidence in words: the service names most records (an activity's kind, hours and date, a measure's case and
// date); a licence's or a level's reference is readable as it is; other records are named by their kind only.
const READABLE_IDS = ['licence', 'accreditation_level'];
const evidenceLabel = (kind: string, e: { kind: string; id: string; note?: string }) =>
  `${kind}${e.note ? ` ${e.note}` : READABLE_IDS.includes(e.kind) ? ` ${e.id}` : ''}`;

export function RulesList({ level, evidenceLinks = false }: { level: Level; evidenceLinks?: boolean }) {
  const { t } = useTranslation('progress');
  const { t: tc } = useTranslation('schemeChecks');
  // an evidence kind the app has no word for yet is shown as the service names it
  const kindWord = (kind: string) => t(`evidence.${kind}`, { defaultValue: kind.replace(/_/g, ' ') });
  return (
    <ul className="rules">
      {level.rules.map((r) => (
        <li
          key={r.ruleId}
          data-rule={r.ruleId}
          data-advisory={r.advisory ? 'true' : undefined}
          className={r.advisory ? 'advisory' : undefined}
        >
          {/* an advisory rule keeps its verdict but never blocks: a neutral badge that says so, not a red cross */}
          {r.advisory ? (
            <Badge tone={r.met ? 'ok' : 'neutral'}>
              <span title={tc('advisoryHint')}>{r.met ? `✓ ${tc('advisoryMet')}` : `○ ${tc('advisoryNotMet')}`}</span>
            </Badge>
          ) : r.met ? (
            <Badge tone="ok">{t('rules.met')}</Badge>
          ) : (
            <Badge tone="bad">{t('rules.notMet')}</Badge>
          )}
          <strong>{r.label}</strong>
          {r.advisory && <span className="small muted"> ({t('advisoryHint')})</span>}
          <div className="msg">
            <span>{r.message}</span>
            {r.required > 0 && (
              <div
                className="progress"
                role="progressbar"
                aria-label={t('rules.reached', {
                  label: r.label,
                  reached: formatNumber(r.reached),
                  required: formatNumber(r.required),
                  unit: r.unit,
                })}
                aria-valuemin={0}
                aria-valuemax={r.required}
                aria-valuenow={Math.min(r.reached, r.required)}
              >
                <span style={{ width: `${Math.min(100, (100 * r.reached) / r.required)}%` }} />
              </div>
            )}
            {r.breakdown && r.breakdown.length > 0 && (
              <ul className="small muted">
                {r.breakdown.map((b, i) => (
                  <li key={i} style={{ display: 'list-item', border: 0, padding: 0 }}>
                    {b.met ? '✓' : '✗'} {b.message}
                  </li>
                ))}
              </ul>
            )}
            {evidenceLinks && r.evidence.length > 0 && (
              <div className="small">
                {t('rules.evidence')}{' '}
                {r.evidence.map((e, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    {e.kind === 'case' ? (
                      <Link to={`/cases/${e.id}`}>{t('rules.case', { note: e.note ?? '' })}</Link>
                    ) : (
                      evidenceLabel(kindWord(e.kind), e)
                    )}
                  </span>
                ))}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
