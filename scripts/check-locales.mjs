// Every language of the web app has the same files and the same keys as English (the source language), no empty
// strings, and the same {{placeholders}} in each string — so no screen shows a raw key or loses a figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../web/src/i18n/locales/', import.meta.url).pathname;
const langs = readdirSync(root);
const flat = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
const placeholders = (s) =>
  [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
const problems = [];
for (const file of readdirSync(join(root, 'en'))) {
  const en = new Map(flat(JSON.parse(readFileSync(join(root, 'en', file), 'utf8'))));
  for (const lang of langs.filter((l) => l !== 'en')) {
    let other;
    try {
      other = new Map(flat(JSON.parse(readFileSync(join(root, lang, file), 'utf8'))));
    } catch (e) {
      problems.push(`${lang}/${file}: ${e.code === 'ENOENT' ? 'missing' : e.message}`);
      continue;
    }
    for (const [key, text] of en) {
      if (!other.has(key)) problems.push(`${lang}/${file}: missing "${key}"`);
      else if (String(other.get(key)).trim() === '') problems.push(`${lang}/${file}: empty "${key}"`);
      else if (placeholders(other.get(key)) !== placeholders(text))
        problems.push(`${lang}/${file}: "${key}" has other placeholders than English`);
    }
    for (const key of other.keys()) if (!en.has(key)) problems.push(`${lang}/${file}: "${key}" is not in English`);
  }
}
for (const lang of langs)
  for (const file of readdirSync(join(root, lang)))
    if (!readdirSync(join(root, 'en')).includes(file)) problems.push(`${lang}/${file}: no English file`);
if (problems.length) {
  console.error(`Locale files disagree (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Locales: ${langs.join(', ')} agree on every key.`);
