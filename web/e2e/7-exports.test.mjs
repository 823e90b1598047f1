import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { launch, newPage, shot, signIn } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

// the text a pdf-lib PDF shows (standard fonts write it as hex strings in deflated content streams)
function pdfText(buf) {
  const out = [];
  const raw = buf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content;
    try {
      content = inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) out.push(Buffer.from(t[1], 'hex').toString('latin1'));
  }
  return out;
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

test('exports: the holder downloads their certificate and their record; the body admin exports the register', async () => {
  const page = await newPage(browser);
  await signIn(page, 'trainee.us');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accreditations' }).click();
  await page.getByRole('heading', { name: 'My accreditations' }).waitFor();
  const certificate = (await page.locator('.card dd a').first().textContent()).trim();

  const pdf = await download(page, () => page.getByRole('button', { name: 'Download certificate (PDF)' }).first().click());
  assert.equal(pdf.name, `certificate-${certificate}.pdf`);
  assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf.body);
  assert.ok(text.includes(certificate), `certificate number in ${JSON.stringify(text)}`);
  assert.ok(text.includes('Casey Trainee (US)'));
  assert.ok(text.some((t) => t.includes(`/verify/${certificate}`)));
  await shot(page, 'trainee-accreditations-certificate');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const json = await download(page, () => page.getByRole('button', { name: 'Download my record (JSON)' }).click());
  const record = JSON.parse(json.body.toString('utf8'));
  assert.equal(record.format, 'ipt-record-export/1');
  assert.deepEqual(
    record.accreditations.map((a) => a.certificateNumber),
    [certificate],
  );
  const recordPdf = await download(page, () => page.getByRole('button', { name: 'Download my record (PDF)' }).click());
  assert.equal(recordPdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
  await shot(page, 'trainee-record-download');
  assert.deepEqual(page.problems, []);

  const admin = await newPage(browser);
  await signIn(admin, 'bodyadmin.us');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accreditations' }).click();
  const csv = await download(admin, () => admin.getByRole('button', { name: 'Export the register (CSV)' }).click());
  assert.match(csv.name, /-register-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.body
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], 'Certificate number,Holder,E-mail,Level code,Level,Status,Awarded on,Expires on,Listed publicly');
  assert.ok(lines.some((l) => l.startsWith(`${certificate},Casey Trainee (US),`)));
  const xlsx = await download(admin, () => admin.getByRole('button', { name: 'Export renewals due (XLSX)' }).click());
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK');
  const cert = await download(admin, () => admin.getByRole('button', { name: `Certificate PDF of ${certificate}` }).click());
  assert.equal(cert.name, `certificate-${certificate}.pdf`);
  await shot(admin, 'admin-accreditations-exports');
  assert.deepEqual(admin.problems, []);
});
