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
    const m = renderDigest([{ subject: 'Case A was signed off', link: 'https://x/cases/a' }, { subject: 'Case B was returned with comments', link: 'https://x/cases/b' }]);
    expect(m.subject).toBe('Your daily summary: 2 notifications');
    expect(m.text).toContain('• Case A was signed off');
    expect(m.text).toContain('https://x/cases/b');
  });
});
