import { SEEDED_INSTRUMENTS_1797020000000 } from '../../migrations/1797020000000-InstrumentsAsData';
import { validateInstrumentDefinition } from './instrument-definition';
import { SEEDED_INSTRUMENTS } from './seeded-instruments';

describe('the seeded instruments', () => {
  it('are what the migration stored (the app copy and the frozen migration copy agree)', () => {
    expect(SEEDED_INSTRUMENTS).toEqual(SEEDED_INSTRUMENTS_1797020000000);
  });

  it.each(SEEDED_INSTRUMENTS.map((i) => [i.code, i.definition] as const))(
    '%s passes the definition check a body-added one must pass',
    (_c, def) => {
      expect(validateInstrumentDefinition(def)).toEqual({});
    },
  );
});
