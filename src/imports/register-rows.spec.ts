import { readRegisterRow } from './register-rows';

const NOW = new Date('2026-06-15T12:00:00Z');
const row = (over: Record<string, string> = {}, formulas: string[] = []) => ({
  row: 7,
  cells: {
    name: 'Ada Old',
    email: 'Ada@Example.org',
    scheme: 'UK-IPT',
    level: 'A',
    award_date: '25/02/2016',
    certificate_number: '',
    expiry_date: '',
    status: 'active',
    public_listing: '',
    ...over,
  },
  formulas,
});

describe('a register row', () => {
  it('reads an active holder with a day-first date and lower-cases the e-mail', () => {
    expect(readRegisterRow(row(), NOW).row).toMatchObject({
      email: 'ada@example.org',
      awardDate: '2016-02-25',
      status: 'active',
      publicListing: false,
    });
  });

  it('keeps the body’s certificate number as typed (spaces and typographic dashes normalised)', () => {
    expect(readRegisterRow(row({ certificate_number: 'uk–old 0042' }), NOW).row?.certificateNumber).toBe('uk-old0042');
  });

  it('refuses a lapsed accreditation without the date it lapsed', () => {
    expect(readRegisterRow(row({ status: 'lapsed' }), NOW).errors.map((e) => e.field)).toEqual(['expiry_date']);
  });

  it('refuses an active accreditation whose expiry has passed (it is lapsed)', () => {
    expect(readRegisterRow(row({ expiry_date: '2026-01-01' }), NOW).errors[0].message).toMatch(/lapsed/);
  });

  it('refuses public listing of an accreditation that is not active', () => {
    const r = readRegisterRow(row({ status: 'suspended', public_listing: 'yes' }), NOW);
    expect(r.errors.map((e) => e.field)).toEqual(['public_listing']);
  });

  it('refuses an award in the future and a formula in any cell, naming each column', () => {
    const r = readRegisterRow(row({ award_date: '2027-01-01', name: '+cmd|calc' }), NOW);
    expect(r.errors.map((e) => e.field).sort()).toEqual(['award_date', 'name']);
    expect(readRegisterRow(row({}, ['level']), NOW).errors.map((e) => e.field)).toEqual(['level']);
  });
});
