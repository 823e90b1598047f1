import type { Schemas } from '../../api/client';
import { Link } from '../../router';
import { useTranslation } from '../../i18n';
import { Badge, humanise } from '../../ui';

type Level = Schemas['LevelReportDto'];

// Evidence in words: the service names most records (an activity's kind, hours and date, a measure's case and
// date); a licence's or a level's reference is readable as it is; other records are named by their kind only.
const READABLE_IDS = ['licence', 'accreditation_level'];
const evidenceLabel = (e: { kind: string; id: string; note?: string }) =>
  `${humanise(e.kind)}${e.note ? ` ${e.note}` : READABLE_IDS.includes(e.kind) ? ` ${e.id}` : ''}`;

export function RulesList({ level, evidenceLinks = false }: { level: Level; evidenceLinks?: boolean }) {
  const { t } = useTranslation('schemeChecks');
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
              <span title={t('advisoryHint')}>{r.met ? `✓ ${t('advisoryMet')}` : `○ ${t('advisoryNotMet')}`}</span>
            </Badge>
          ) : r.met ? (
            <Badge tone="ok">✓ Met</Badge>
          ) : (
            <Badge tone="bad">✗ Not met</Badge>
          )}
          <strong>{r.label}</strong>
          {r.advisory && <span className="small muted"> ({t('advisoryHint')})</span>}
          <div className="msg">
            <span>{r.message}</span>
            {r.required > 0 && (
              <div
                className="progress"
                role="progressbar"
                aria-label={`${r.label}: ${r.reached} of ${r.required} ${r.unit}`}
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
                Evidence:{' '}
                {r.evidence.map((e, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    {e.kind === 'case' ? <Link to={`/cases/${e.id}`}>case {e.note ?? ''}</Link> : evidenceLabel(e)}
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
