import { todayUtc } from '../common/dates';
import { badRequest, invalid } from '../common/errors';

/**
 * Publishing a version (of a scheme, of a recognition) whose effective date is already past changes people's standing
 * retroactively: the body confirms it (allowPastEffectiveDate) with a reason. Returns what the audit entry records
 * (nothing when the date is today or later); throws PAST_EFFECTIVE_DATE / a validation error otherwise.
 */
export function confirmPastEffectiveDate(
  effectiveFrom: string,
  dto: { allowPastEffectiveDate?: boolean; reason?: string },
  now = new Date(),
): { pastEffectiveDate?: true; reason?: string } {
  if (effectiveFrom >= todayUtc(now)) return {};
  if (!dto.allowPastEffectiveDate)
    throw badRequest('PAST_EFFECTIVE_DATE', `The effective date ${effectiveFrom} is in the past`, {
      allowPastEffectiveDate: [`effectiveFrom ${effectiveFrom} is in the past; confirm with allowPastEffectiveDate and a reason`],
    });
  const reason = dto.reason?.trim();
  if (!reason) throw invalid('reason', 'a reason is required to publish with an effective date in the past');
  return { pastEffectiveDate: true, reason };
}
