/**
 * A small gazetteer of places that news on Russia, Mongolia, Ukraine and the ICC names: countries,
 * capitals and the regions in question, with their country (ISO 3166-1 alpha-2) so that a city and
 * its country are recognised as the same location and Kyzyl is known to be in Russia, not Mongolia.
 * Names are given as written in English, Russian and Mongolian.
 */
export interface Place {
  name: string;
  country: string;
  type: 'country' | 'city' | 'region';
  names: string[];
}

export const PLACES: Place[] = [
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
  { name: 'Moscow', country: 'RU', type: 'city', names: ['Moscow', 'Москва', 'Москвa', 'Москвад'] },
  {
    name: 'Ulaanbaatar',
    country: 'MN',
    type: 'city',
    names: ['Ulaanbaatar', 'Ulan Bator', 'Ulaanbaatar City', 'Улан-Батор', 'Улаанбаатар'],
  },
  { name: 'Beijing', country: 'CN', type: 'city', names: ['Beijing', 'Пекин', 'Бээжин'] },
  { name: 'Kyiv', country: 'UA', type: 'city', names: ['Kyiv', 'Kiev', 'Киев', 'Київ'] },
  { name: 'The Hague', country: 'NL', type: 'city', names: ['The Hague', 'Гаага', 'Гааг'] },
  { name: 'Washington', country: 'US', type: 'city', names: ['Washington', 'Вашингтон'] },
  { name: 'Pretoria', country: 'ZA', type: 'city', names: ['Pretoria', 'Johannesburg', 'Йоханнесбург'] },
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
  { name: 'Astana', country: 'KZ', type: 'city', names: ['Astana', 'Астана'] },
  { name: 'Minsk', country: 'BY', type: 'city', names: ['Minsk', 'Минск'] },
  { name: 'Geneva', country: 'CH', type: 'city', names: ['Geneva', 'Женева'] },
  { name: 'New York', country: 'US', type: 'city', names: ['New York', 'Нью-Йорк'] },
  { name: 'London', country: 'GB', type: 'city', names: ['London', 'Лондон'] },
  {
    name: 'Khalkhin Gol',
    country: 'MN',
    type: 'region',
    names: ['Khalkhin Gol', 'Халхин-Гол', 'Халх гол', 'Халхын гол'],
  },
];

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
const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e.place]));
export const PLACE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${entries.map((e) => escapeRegExp(e.name)).join('|')})(?:(?<=\\p{Script=Cyrillic})\\p{Script=Cyrillic}{1,3})?(?![\\p{L}\\p{N}])`,
  'gu',
);

export function lookupPlace(name: string): Place | undefined {
  return byName.get(name.toLowerCase());
}
