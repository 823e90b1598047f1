import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

// The app's languages. English is the source language; every other language has the same keys, file by file
// (`locales/<lang>/<namespace>.json`, one namespace per feature). Scheme, level, rubric and body names are data
// and are never translated: they stay as the body wrote them.
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
export const isLanguage = (x: unknown): x is Language => LANGUAGES.some((l) => l.code === x);

const STORAGE_KEY = 'ipt.language';

// every locale file is bundled (they are small); the namespace is the file name
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const [, lang, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  (resources[lang] ??= {})[ns] = mod.default;
}

/** The language to start in: the one this browser chose last, else the browser's own preference, else English. */
function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of typeof navigator === 'undefined' ? [] : navigator.languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Switches the app's language and remembers it in this browser (the account remembers it too, see auth.tsx). */
export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');

/** A date (`YYYY-MM-DD` or an ISO timestamp) in the reader's language: "3 Mar 2026" / "3. März 2026". */
export function formatDate(value: string | null | undefined, style: 'medium' | 'long' | 'short' = 'medium'): string {
  if (!value) return '';
  // a bare date is a calendar date, not a moment: format it in UTC so no zone shifts it by a day
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: style, timeZone: value.length === 10 ? 'UTC' : undefined }).format(d);
}

/** A moment with its time, in the reader's zone and language. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? value
    : new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A number in the reader's language ("1,234.5" / "1.234,5"). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits }).format(value);
}

/** A share 0–1 as a percentage ("71 %" in German, "71%" in English). */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export { useTranslation };
export default i18next;
