/**
 * Places news names, with their country (ISO 3166-1 alpha-2) so that a city and its country are
 * recognised as the same location and Kyzyl is known to be in Russia, not Mongolia.
 *
 * Countries come from the i18n-iso-countries package (MIT; ISO 3166-1 names in some 80 languages),
 * in the languages the coverage comes in. Cities and regions, and the usual short forms of country
 * names that the package lacks (ОХУ, БНХАУ, Britain), are the small list below: no package gives
 * city names in Russian and Mongolian.
 */
import { createRequire } from 'node:module';
import { COUNTRY_NAME_LANGUAGES } from '@parallax/normalize';

export interface Place {
  name: string;
  country: string;
  type: 'country' | 'city' | 'region';
  /** A national capital: its name stands for the government as often as for the city ("Washington says"). */
  capital?: boolean;
  names: string[];
}

const LISTED: Place[] = [
  {
    name: 'Russia',
    country: 'RU',
    type: 'country',
    names: ['Russia', 'Russian Federation', 'Россия', 'ОХУ', 'Орос', 'Оросын Холбооны Улс'],
  },
  {
    name: 'Mongolia',
    country: 'MN',
    type: 'country',
    names: ['Mongolia', 'Монголия', 'Монгол Улс', 'Монгол'],
  },
  {
    name: 'China',
    country: 'CN',
    type: 'country',
    names: ['China', "People's Republic of China", 'Китай', 'Хятад', 'БНХАУ'],
  },
  { name: 'Ukraine', country: 'UA', type: 'country', names: ['Ukraine', 'Украина', 'Украин', 'Україна'] },
  {
    name: 'United States',
    country: 'US',
    type: 'country',
    names: ['United States', 'United States of America', 'U.S.', 'USA', 'США', 'АНУ'],
  },
  { name: 'South Africa', country: 'ZA', type: 'country', names: ['South Africa', 'ЮАР', 'Өмнөд Африк'] },
  { name: 'Netherlands', country: 'NL', type: 'country', names: ['Netherlands', 'Нидерланды', 'Нидерланд'] },
  { name: 'Kazakhstan', country: 'KZ', type: 'country', names: ['Kazakhstan', 'Казахстан'] },
  { name: 'Belarus', country: 'BY', type: 'country', names: ['Belarus', 'Беларусь'] },
  { name: 'Japan', country: 'JP', type: 'country', names: ['Japan', 'Япония', 'Япон'] },
  { name: 'South Korea', country: 'KR', type: 'country', names: ['South Korea', 'Республика Корея', 'БНСУ'] },
  { name: 'North Korea', country: 'KP', type: 'country', names: ['North Korea', 'КНДР', 'БНАСАУ'] },
  { name: 'India', country: 'IN', type: 'country', names: ['India', 'Индия', 'Энэтхэг'] },
  { name: 'Brazil', country: 'BR', type: 'country', names: ['Brazil', 'Бразилия'] },
  { name: 'Turkey', country: 'TR', type: 'country', names: ['Turkey', 'Türkiye', 'Турция'] },
  { name: 'Germany', country: 'DE', type: 'country', names: ['Germany', 'Германия', 'Герман'] },
  { name: 'France', country: 'FR', type: 'country', names: ['France', 'Франция', 'Франц'] },
  {
    name: 'United Kingdom',
    country: 'GB',
    type: 'country',
    names: ['United Kingdom', 'Britain', 'Великобритания', 'Их Британи'],
  },
  { name: 'Armenia', country: 'AM', type: 'country', names: ['Armenia', 'Армения'] },
  { name: 'Tajikistan', country: 'TJ', type: 'country', names: ['Tajikistan', 'Таджикистан'] },
  { name: 'Kyrgyzstan', country: 'KG', type: 'country', names: ['Kyrgyzstan', 'Киргизия', 'Кыргызстан'] },
  { name: 'Uzbekistan', country: 'UZ', type: 'country', names: ['Uzbekistan', 'Узбекистан'] },
  { name: 'Iran', country: 'IR', type: 'country', names: ['Iran', 'Иран'] },
  {
    name: 'Moscow',
    capital: true,
    country: 'RU',
    type: 'city',
    names: ['Moscow', 'Москва', 'Москвa', 'Москвад'],
  },
  {
    name: 'Ulaanbaatar',
    capital: true,
    country: 'MN',
    type: 'city',
    names: ['Ulaanbaatar', 'Ulan Bator', 'Ulaanbaatar City', 'Улан-Батор', 'Улаанбаатар'],
  },
  { name: 'Beijing', capital: true, country: 'CN', type: 'city', names: ['Beijing', 'Пекин', 'Бээжин'] },
  { name: 'Kyiv', capital: true, country: 'UA', type: 'city', names: ['Kyiv', 'Kiev', 'Киев', 'Київ'] },
  { name: 'The Hague', country: 'NL', type: 'city', names: ['The Hague', 'Гаага', 'Гааг'] },
  { name: 'Washington', capital: true, country: 'US', type: 'city', names: ['Washington', 'Вашингтон'] },
  {
    name: 'Pretoria',
    capital: true,
    country: 'ZA',
    type: 'city',
    names: ['Pretoria', 'Johannesburg', 'Йоханнесбург'],
  },
  { name: 'Kyzyl', country: 'RU', type: 'city', names: ['Kyzyl', 'Кызыл'] },
  {
    name: 'Tuva',
    country: 'RU',
    type: 'region',
    names: ['Republic of Tuva', 'Tuva', 'Tyva', 'Тыва', 'Тува'],
  },
  { name: 'Buryatia', country: 'RU', type: 'region', names: ['Buryatia', 'Бурятия'] },
  { name: 'Irkutsk', country: 'RU', type: 'city', names: ['Irkutsk', 'Иркутск'] },
  { name: 'Vladivostok', country: 'RU', type: 'city', names: ['Vladivostok', 'Владивосток'] },
  { name: 'Crimea', country: 'UA', type: 'region', names: ['Crimea', 'Крым'] },
  { name: 'Astana', capital: true, country: 'KZ', type: 'city', names: ['Astana', 'Астана'] },
  { name: 'Minsk', capital: true, country: 'BY', type: 'city', names: ['Minsk', 'Минск'] },
  { name: 'Geneva', country: 'CH', type: 'city', names: ['Geneva', 'Женева'] },
  { name: 'New York', country: 'US', type: 'city', names: ['New York', 'Нью-Йорк'] },
  { name: 'London', capital: true, country: 'GB', type: 'city', names: ['London', 'Лондон'] },
  {
    name: 'Khalkhin Gol',
    country: 'MN',
    type: 'region',
    names: ['Khalkhin Gol', 'Халхин-Гол', 'Халх гол', 'Халхын гол'],
  },
];

interface CountryNames {
  countries: Record<string, string | string[]>;
}

/** Country names from the package, by ISO code: the names that can stand alone in running text. */
function packageCountries(): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const out = new Map<string, string[]>();
  for (const lang of COUNTRY_NAME_LANGUAGES) {
    const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as CountryNames;
    for (const [code, value] of Object.entries(countries)) {
      const names = (Array.isArray(value) ? value : [value]).filter(
        // "Korea, Republic of" is an index form; two letters only as capitals ("US", "UK").
        (n) => !n.includes(',') && !n.includes('(') && (n.length > 3 || /^\p{Lu}[\p{Lu}.]+$/u.test(n)),
      );
      out.set(code, [...(out.get(code) ?? []), ...names]);
    }
  }
  return out;
}

/** The English name a country is given as its value: the list's, else the package's shortest. */
function englishName(code: string, names: string[]): string {
  const require = createRequire(import.meta.url);
  const { countries } = require('i18n-iso-countries/langs/en.json') as CountryNames;
  const en = countries[code];
  const list = (Array.isArray(en) ? en : [en ?? names[0] ?? code]).filter(
    (n) => !n.includes(',') && n.length > 3,
  );
  return [...list].sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
}

/**
 * Russian and Ukrainian inflect names by changing their last vowel ("Россия" → "России", "в
 * Турции"): a name of six letters or more ending in -ия/-а/-я also stands as its stem (a shorter stem, "Само" of Самоа, would be read inside other words), to which the pattern's case
 * endings attach.
 */
function withStems(names: string[]): string[] {
  const out = [...names];
  for (const n of names)
    if (/^\p{Script=Cyrillic}+$/u.test(n) && n.length >= 6 && /[ияа]$/u.test(n)) out.push(n.slice(0, -1));
  return out;
}

function buildPlaces(): Place[] {
  const listed = new Map(LISTED.filter((p) => p.type === 'country').map((p) => [p.country, p]));
  const places: Place[] = [];
  for (const [code, names] of packageCountries()) {
    const own = listed.get(code);
    const all = [...new Set([...(own?.names ?? []), ...names])];
    places.push({
      name: own?.name ?? englishName(code, names),
      country: code,
      type: 'country',
      names: withStems(all),
    });
    listed.delete(code);
  }
  places.push(...listed.values());
  for (const p of LISTED) if (p.type !== 'country') places.push({ ...p, names: withStems(p.names) });
  // A name two places share (a city named after its country) is given to neither.
  const owners = new Map<string, Set<string>>();
  for (const p of places)
    for (const n of p.names)
      owners.set(n.toLowerCase(), (owners.get(n.toLowerCase()) ?? new Set()).add(p.name));
  return places.map((p) => ({
    ...p,
    names: [...new Set(p.names)].filter(
      (n) => (owners.get(n.toLowerCase())?.size ?? 0) === 1 || p.type !== 'country',
    ),
  }));
}

export const PLACES: Place[] = buildPlaces();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern for every name, longest first so "Republic of Tuva" wins over "Tuva". A name must not
 * be followed by letters (so "Mongolian" is not "Mongolia"), except Cyrillic case endings, which
 * Mongolian and Russian attach to names ("Монголд", "Москве") and which are matched but not counted.
 */
const entries = PLACES.flatMap((place) => place.names.map((name) => ({ name, place }))).sort(
  (a, b) => b.name.length - a.name.length,
);
const byName = new Map<string, Place>();
for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e.place);
export const PLACE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${entries.map((e) => escapeRegExp(e.name)).join('|')})(?:(?<=\\p{Script=Cyrillic})\\p{Script=Cyrillic}{1,3})?(?![\\p{L}\\p{N}])`,
  'gu',
);

export function lookupPlace(name: string): Place | undefined {
  return byName.get(name.toLowerCase());
}
