import { escapeHtml, render, renderDigest } from './templates';

describe('message templates', () => {
  it('tell the supervisor a case waits for sign-off, with the link in text and HTML', () => {
    const m = render('case.submitted', { link: 'https://ipt.example/cases/abc', clientCode: 'K7M2' });
    expect(m.subject).toBe('Case K7M2 is waiting for your sign-off');
    expect(m.text).toContain('https://ipt.example/cases/abc');
    expect(m.html).toContain('<a href="https://ipt.example/cases/abc">');
  });
  it('read well without a client code', () => {
    expect(render('case.signed_off', { link: 'x' }).subject).toBe('Case was signed off');
  });
  it('escape HTML in every value', () => {
    const m = render('case.returned', { link: 'https://x/"><script>', clientCode: '<b>' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('sum up a day in one digest with every link', () => {
    const m = renderDigest([
      { subject: 'Case A was signed off', link: 'https://x/cases/a' },
      { subject: 'Case B was returned with comments', link: 'https://x/cases/b' },
    ]);
    expect(m.subject).toBe('Your daily summary: 2 notifications');
    expect(m.text).toContain('• Case A was signed off');
    expect(m.text).toContain('https://x/cases/b');
  });
});

describe('messages about applications, accreditations and calibration', () => {
  it('name the level and the date, and link to the record', () => {
    const m = render('accreditation.renewal_due', {
      link: 'https://ipt.example/trainee/accreditations',
      level: 'PRACTITIONER',
      date: '2027-03-15',
    });
    expect(m.subject).toBe('Your accreditation PRACTITIONER is due for renewal');
    expect(m.text).toContain('expires on 2027-03-15');
    expect(m.text).toContain('https://ipt.example/trainee/accreditations');
    expect(render('application.submitted', { link: 'x', level: 'SUPERVISOR' }).subject).toBe(
      'New application for level SUPERVISOR to decide',
    );
    expect(render('calibration.expiring', { link: 'x', date: '2027-01-10' }).text).toContain('runs out on 2027-01-10');
  });
  it('every kind renders a subject and a text without placeholders left over', () => {
    const kinds = [
      'application.info_requested',
      'application.approved',
      'application.rejected',
      'application.responded',
      'accreditation.lapsed',
      'accreditation.expired',
      'accreditation.suspended',
      'accreditation.reinstated',
      'accreditation.revoked',
      'accreditation.restored',
    ] as const;
    for (const k of kinds) {
      const m = render(k, { link: 'https://x/y', level: 'B' });
      expect(m.subject).toMatch(/\bB\b/);
      expect(m.text).not.toMatch(/undefined|\$\{/);
    }
  });
});
