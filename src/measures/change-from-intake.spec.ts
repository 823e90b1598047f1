import { changeFromIntake as change, type MeasurePoint } from './change-from-intake';
import { SEEDED_INSTRUMENTS } from './seeded-instruments';

const Instrument = { Phq9: 'PHQ9', Gad7: 'GAD7', Bdi2: 'BDI2' };
const SEEDED = new Map(SEEDED_INSTRUMENTS.map((i) => [i.code, i]));
const changeFromIntake = (points: MeasurePoint[]) => change(points, SEEDED);

const phq = (administeredOn: string, total: number, sessionNumber: number | null = null): MeasurePoint => ({
  instrument: Instrument.Phq9,
  administeredOn,
  total,
  sessionNumber,
});
const gad = (administeredOn: string, total: number, sessionNumber: number | null = null): MeasurePoint => ({
  instrument: Instrument.Gad7,
  administeredOn,
  total,
  sessionNumber,
});

describe('change from intake', () => {
  it('a PHQ-9 case at intake (18) ending at 7 has reliably improved and reliably recovered', () => {
    const [s] = changeFromIntake([phq('2024-03-01', 18, 0), phq('2024-04-01', 12, 4), phq('2024-06-01', 7, 16)]);
    expect(s).toMatchObject({
      instrument: 'PHQ9',
      administrations: 3,
      intake: { total: 18 },
      latest: { total: 7, sessionNumber: 16 },
      change: -11,
      caseAtIntake: true,
      caseNow: false,
      reliablyImproved: true,
      reliablyDeteriorated: false,
      recovered: true,
      reliablyRecovered: true,
    });
  });

  it('a drop of 5 on PHQ-9 (below the 6-point threshold) to below caseness is recovery but not reliable recovery', () => {
    const [s] = changeFromIntake([phq('2024-03-01', 13, 0), phq('2024-05-01', 8, 12)]);
    expect(s).toMatchObject({ change: -5, reliablyImproved: false, recovered: true, reliablyRecovered: false });
  });

  it('a drop of exactly 6 is reliable; a rise of 6 is reliable deterioration', () => {
    expect(changeFromIntake([phq('2024-03-01', 20, 0), phq('2024-05-01', 14)])[0]).toMatchObject({
      reliablyImproved: true,
      caseNow: true,
      recovered: false,
    });
    expect(changeFromIntake([phq('2024-03-01', 4, 0), phq('2024-05-01', 10)])[0]).toMatchObject({
      reliablyDeteriorated: true,
      caseAtIntake: false,
      recovered: false,
    });
  });

  it('GAD-7 uses caseness 8 and a reliable change of 4', () => {
    const [s] = changeFromIntake([gad('2024-03-01', 11, 0), gad('2024-05-01', 7)]);
    expect(s).toMatchObject({
      casenessThreshold: 8,
      reliableChangeThreshold: 4,
      change: -4,
      reliablyImproved: true,
      recovered: true,
      reliablyRecovered: true,
    });
  });

  it('takes session 0 as intake even when it is listed last, and summarises each instrument separately', () => {
    const out = changeFromIntake([phq('2024-05-01', 9, 8), gad('2024-03-01', 12, 0), phq('2024-03-01', 16, 0)]);
    expect(out.map((s) => s.instrument)).toEqual(['GAD7', 'PHQ9']);
    expect(out[1]).toMatchObject({ intake: { total: 16 }, latest: { total: 9 }, change: -7 });
    expect(out[0]).toMatchObject({
      latest: null,
      change: null,
      reliablyImproved: null,
      notes: ['only one administration: no change to report yet'],
    });
  });

  it('without a session-0 administration, the earliest one is the intake', () => {
    const [s] = changeFromIntake([phq('2024-04-01', 10, 3), phq('2024-03-01', 15, 1)]);
    expect(s).toMatchObject({ intake: { total: 15 }, latest: { total: 10 }, change: -5 });
  });

  it('says that no threshold is configured for BDI-II and HAM-D-17 instead of inventing one', () => {
    const [bdi] = changeFromIntake([
      { instrument: Instrument.Bdi2, administeredOn: '2024-03-01', sessionNumber: 0, total: 30 },
      { instrument: Instrument.Bdi2, administeredOn: '2024-06-01', sessionNumber: 16, total: 10 },
    ]);
    expect(bdi).toMatchObject({
      change: -20,
      reliablyImproved: null,
      recovered: null,
      reliablyRecovered: null,
      casenessThreshold: null,
      reliableChangeThreshold: null,
    });
    expect(bdi.notes).toEqual(['no caseness threshold configured for BDI-II', 'no reliable-change threshold configured for BDI-II']);
  });
});
