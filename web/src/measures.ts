// Outcome-measure instruments as the service defines and scores them (GET /api/v1/instruments): items and their
// ranges, severity bands, risk items. Nothing is copied here: the list is fetched once per signed-in session and
// is what the measure form shows while typing (the band saved is still the one the service computes).
import { api, call, hasSession, onSessionChange, type Schemas } from './api/client';
import { useLoad } from './ui';

export type InstrumentInfo = Schemas['InstrumentDto'];

let cached: Promise<InstrumentInfo[]> | undefined;
onSessionChange(() => {
  if (!hasSession()) cached = undefined;
});

export function loadInstruments(): Promise<InstrumentInfo[]> {
  cached ??= call(api.GET('/api/v1/instruments')).then(
    (list) => list.items,
    (error: unknown) => {
      cached = undefined; // a failed load is tried again next time
      throw error;
    },
  );
  return cached;
}

export const useInstruments = () => useLoad(loadInstruments, []);

export const instrumentOf = (instruments: InstrumentInfo[], code: string) => instruments.find((i) => i.code === code);
export const instrumentLabel = (info: InstrumentInfo) => `${info.name} (${info.construct})`;
export const bandOf = (info: InstrumentInfo, total: number) => info.bands.find((b) => total >= b.min && total <= b.max)?.label;
export const severityTone = (label: string | null | undefined) =>
  !label ? 'neutral' : /minimal|normal/.test(label) ? 'ok' : /mild/.test(label) ? 'neutral' : /moderate(?!ly)/.test(label) ? 'warn' : 'bad';
