import { ISO_COUNTRIES } from './iso-countries';

// What people type for a country in a search box: the ISO code ("GB"), its English name ("United Kingdom"),
// its name in the languages of the countries with IPT bodies ("Deutschland", "Nederland", "Italia"), or a
// common alias ("UK", "Britain", "England", "USA", "Holland"). Letter case, accents, punctuation and a leading
// "the" do not matter. Names come from the ICU data built into Node (Intl.DisplayNames), so no list is kept here
// beyond the aliases ICU does not know.
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'el', 'tr', 'ja', 'zh', 'ko'];

const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  usa: 'US',
  america: 'US',
  'united states of america': 'US',
  'u s': 'US',
  'u s a': 'US',
  holland: 'NL',
  'the netherlands': 'NL',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'north korea': 'KP',
  'czech republic': 'CZ',
  russia: 'RU',
  'russian federation': 'RU',
  'ivory coast': 'CI',
  turkey: 'TR',
  'republic of ireland': 'IE',
  eire: 'IE',
  uae: 'AE',
  'hong kong': 'HK',
  taiwan: 'TW',
  vietnam: 'VN',
  swaziland: 'SZ',
  burma: 'MM',
  'east timor': 'TL',
  'cape verde': 'CV',
};

/** Lower case, accents and punctuation gone, single spaces, no leading "the". */
export function normaliseCountryInput(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

let byName: Map<string, string> | undefined;
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const lang of NAME_LANGUAGES) {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of ISO_COUNTRIES) {
      const name = display.of(code);
      if (!name) continue;
      const key = normaliseCountryInput(name);
      if (key && !byName.has(key)) byName.set(key, code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(normaliseCountryInput(alias), code);
  return byName;
}

/** The ISO 3166-1 alpha-2 code a person meant, or null when the input names no country we know. */
export function countryCodeFor(input: string): string | null {
  const key = normaliseCountryInput(input);
  if (!key) return null;
  // an alias first: "UK" is not an ISO code (GB is), but it is what people type
  const named = names().get(key);
  if (named) return named;
  const code = key.toUpperCase();
  return /^[A-Z]{2}$/.test(code) && ISO_COUNTRIES.has(code) ? code : null;
}
