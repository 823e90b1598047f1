import { addDays } from '../common/dates';
import type { CodeWithStatus } from '../common/error-codes';
import { AccreditationStatus } from './accreditation.entity';
import { expiryOnRenewal, type ValidityRule } from './accreditation-lifecycle';

export type RestoreDecision = { ok: true; expiresOn: string } | { ok: false; code: CodeWithStatus<409>; message: string };

/**
 * A body restores a lapsed accreditation (an annual declaration not made by the end of the grace period) as if
 * it had been renewed late: one cycle from the previous expiry, so a late holder gains no time. Our choice where
 * schemes are silent: restoring is possible only while that cycle has not run out — after it, the cycle the
 * holder would be restored into is already over and they apply again. Only lapsed accreditations are restored:
 * suspended ones are reinstated, expired fixed terms and revoked ones are final.
 */
export function decideRestore(
  acc: { status: AccreditationStatus; expiresOn: string | null },
  validity: ValidityRule,
  today: string,
): RestoreDecision {
  if (acc.status !== AccreditationStatus.Lapsed) {
    return {
      ok: false,
      code: 'INVALID_STATUS_CHANGE',
      message: `An accreditation that is ${acc.status} cannot be restored; only a lapsed one can`,
    };
  }
  const next = acc.expiresOn === null ? null : expiryOnRenewal(validity, acc.expiresOn);
  if (next === null) return { ok: false, code: 'NOT_RENEWABLE', message: 'This level does not expire, so it cannot be restored' };
  if (next <= today)
    return {
      ok: false,
      code: 'RESTORE_WINDOW_CLOSED',
      message: `It could be restored until ${addDays(next, -1)}; now the holder applies again`,
    };
  return { ok: true, expiresOn: next };
}
