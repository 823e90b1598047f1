// Outcome-measure instruments as the service defines and scores them (GET /api/v1/instruments?bodyId=…): the global
// ones and those the case's body added, with items and their ranges, severity bands, risk items. Nothing is copied
// here: each body's list is fetched once per signed-in session (again after an instrument is published) and is what
// the measure form shows while typing (the band saved is still the one the service computes).
import { api, call, hasSession, onSessionChange, type Schemas } from './api/client';
import { useLoad } from './ui';

export type InstrumentInfo = Schemas['InstrumentDto'];

const cached = new Map<string, Promise<InstrumentInfo[]>>();
onSessionChange(() => {
  if (!hasSession()) cached.clear();
});

/** After an instrument is published: the next form loads the lists again. */
export const forgetInstruments = () => cached.clear();

// the seeded instruments first, in the order clinicians reach for them (the form opens on the first), then a body's own
const SEEDED = ['PHQ9', 'GAD7', 'BDI2', 'HAMD17'];
const rank = (i: InstrumentInfo) => (SEEDED.includes(i.code) ? SEEDED.indexOf(i.code) : SEEDED.length);
const byUse = (a: InstrumentInfo, b: InstrumentInfo) => rank(a) - rank(b) || a.name.localeCompare(b.name);

export function loadInstruments(bodyId: string): Promise<InstrumentInfo[]> {
  let list = cached.get(bodyId);
  if (!list) {
    list = call(api.GET('/api/v1/instruments', { params: { query: { bodyId } } })).then(
      // drafts are listed to the body's admins; only published instruments can be recorded
      (res) => res.items.filter((i) => i.status === 'published').sort(byUse),
      (error: unknown) => {
        cached.delete(bodyId); // a failed load is tried again next time
        throw error;
      },
    );
    cached.set(bodyId, list);
  }
  return list;
}

export const useInstruments = (bodyId: string) => useLoad(() => loadInstruments(bodyId), [bodyId]);

export const instrumentOf = (instruments: InstrumentInfo[], code: string) => instruments.find((i) => i.code === code);
export const instrumentLabel = (info: InstrumentInfo) => `${info.name} (${info.construct})`;
export const bandOf = (info: InstrumentInfo, total: number) => info.bands.find((b) => total >= b.min && total <= b.max)?.label;
export const severityTone = (label: string | null | undefined) =>
  !label ? 'neutral' : /minimal|normal/.test(label) ? 'ok' : /mild/.test(label) ? 'neutral' : /moderate(?!ly)/.test(label) ? 'warn' : 'bad';
