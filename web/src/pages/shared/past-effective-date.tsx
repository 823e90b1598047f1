// Publishing a version (of a scheme, of a recognition) whose effective date is already past changes standing
// retroactively: the API wants allowPastEffectiveDate and a reason (audited). One confirmation for both screens.
import { useState } from 'react';
import { formatDate, useTranslation } from '../../i18n';
import { Field } from '../../ui';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The confirmation of a past effective date: whether it is needed, whether it is given, the publish body, the fieldset. */
export function usePastEffectiveDate(effectiveFrom: string | null | undefined, hint?: string) {
  const { t } = useTranslation('schemeChecks');
  const [allow, setAllow] = useState(false);
  const [reason, setReason] = useState('');
  const past = !!effectiveFrom && effectiveFrom < todayIso();
  return {
    past,
    /** publishing may go ahead: the date is not past, or it is confirmed with a reason */
    ready: !past || (allow && !!reason.trim()),
    body: past ? { allowPastEffectiveDate: allow, reason: reason.trim() || undefined } : {},
    fieldset: past ? (
      <fieldset className="past-effective-date">
        <legend>{t('pastEffectiveDate', { date: formatDate(effectiveFrom) })}</legend>
        <p className="small muted">{hint ?? t('pastEffectiveDateHint')}</p>
        <label className="checkbox">
          <input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> {t('allowPastEffectiveDate')}
        </label>
        <Field label={t('reason')} hint={t('reasonHint')}>
          {(p) => <textarea {...p} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </fieldset>
    ) : null,
  };
}
