import { ApiError, call } from '../../api/client';
import i18next from '../../i18n';

// Every write to a case sends If-Match with the case's ETag. When someone (another tab, another device) changed the
// case meanwhile, the service answers 412: the case is reloaded, the form keeps what the person typed, and the
// message says so; saving again then goes against the fresh version.
export async function caseWrite<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>, reload: () => void): Promise<T> {
  try {
    return await call(request);
  } catch (e) {
    if (e instanceof ApiError && e.statusCode === 412) {
      reload();
      throw new ApiError(412, 'PRECONDITION_FAILED', i18next.t('cases:changedElsewhere'));
    }
    throw e;
  }
}
