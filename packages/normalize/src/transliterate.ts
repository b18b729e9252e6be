/**
 * Cyrillic → Latin, following the spellings English-language news uses for Russian and Mongolian
 * names (Путин → Putin, Песков → Peskov, Хүрэлсүх → Khurelsukh, Өнөөдөр → Onoodor).
 */
const MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** Letters after which ъ is the Russian hard sign (объявил, подъезд), written as nothing. */
const HARD_SIGN_BEFORE = new Set(['е', 'ё', 'ю', 'я', 'и']);

export function transliterate(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    // Elsewhere ъ is the Bulgarian schwa, which English spells by the name's origin (Байдън Biden,
    // Тръмп Trump, Вълчев Valchev): "e" keeps each within one letter of the spelling news uses.
    const mapped =
      lower === 'ъ' &&
      !HARD_SIGN_BEFORE.has((chars[i + 1] ?? '').toLowerCase()) &&
      /\p{L}/u.test(chars[i - 1] ?? '')
        ? 'e'
        : MAP[lower];
    if (mapped === undefined) out += ch;
    else if (ch !== lower && mapped) out += mapped[0]?.toUpperCase() + mapped.slice(1);
    else out += mapped;
  });
  return out;
}
