import { contentId, type Fact } from '@parallax/core';
import { tokenize } from './attribution';
import { lookupPlace, PLACE_PATTERN } from './gazetteer';
import { fullNameFor, nameMentions } from './names';
import { WORD_VALUES } from './number-words';
import { relativeDates } from './relative-dates';
import { splitParagraphs, splitSentences } from './sentences';

export interface FactOptions {
  /** Publication date (ISO); supplies the year of dates written without one. */
  publishedAt?: string | null;
  headlineEnd?: number;
  documentId?: string;
}

/** Month names by number: English (with abbreviations), Russian and Ukrainian (genitive), German, French, Spanish, Portuguese, Italian, Turkish. */
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'января', 'январь', 'січня', 'januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'ocak'],
  [
    'february',
    'feb',
    'февраля',
    'февраль',
    'лютого',
    'februar',
    'février',
    'febrero',
    'fevereiro',
    'febbraio',
    'şubat',
  ],
  ['march', 'mar', 'марта', 'март', 'березня', 'märz', 'mars', 'marzo', 'março', 'mart'],
  ['april', 'apr', 'апреля', 'апрель', 'квітня', 'avril', 'abril', 'aprile', 'nisan'],
  ['may', 'мая', 'май', 'травня', 'mai', 'mayo', 'maio', 'maggio', 'mayıs'],
  ['june', 'jun', 'июня', 'июнь', 'червня', 'juni', 'juin', 'junio', 'junho', 'giugno', 'haziran'],
  ['july', 'jul', 'июля', 'июль', 'липня', 'juli', 'juillet', 'julio', 'julho', 'luglio', 'temmuz'],
  ['august', 'aug', 'августа', 'август', 'серпня', 'août', 'agosto', 'ağustos'],
  [
    'september',
    'sept',
    'sep',
    'сентября',
    'сентябрь',
    'вересня',
    'septembre',
    'septiembre',
    'setembro',
    'settembre',
    'eylül',
  ],
  [
    'october',
    'oct',
    'октября',
    'октябрь',
    'жовтня',
    'oktober',
    'octobre',
    'octubre',
    'outubro',
    'ottobre',
    'ekim',
  ],
  ['november', 'nov', 'ноября', 'ноябрь', 'листопада', 'novembre', 'noviembre', 'novembro', 'kasım'],
  [
    'december',
    'dec',
    'декабря',
    'декабрь',
    'грудня',
    'dezember',
    'décembre',
    'diciembre',
    'dezembro',
    'dicembre',
    'aralık',
  ],
];
const MONTHS: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);
const MONTH = `(${MONTH_NAMES.flat()
  .sort((a, b) => b.length - a.length)
  .map((n) => (n.length <= 4 && /^[a-z]+$/.test(n) ? `${n}\\.?` : n))
  .join('|')})`;
/** Weekday names, English first, then Russian (both cases), German, French, Spanish, by day (0 = Sunday). */
const WEEKDAY_NAMES: string[][] = [
  ['sunday', 'воскресенье', 'sonntag', 'dimanche', 'domingo'],
  ['monday', 'понедельник', 'montag', 'lundi', 'lunes'],
  ['tuesday', 'вторник', 'dienstag', 'mardi', 'martes'],
  ['wednesday', 'среда', 'среду', 'mittwoch', 'mercredi', 'miércoles'],
  ['thursday', 'четверг', 'donnerstag', 'jeudi', 'jueves'],
  ['friday', 'пятница', 'пятницу', 'freitag', 'vendredi', 'viernes'],
  ['saturday', 'суббота', 'субботу', 'samstag', 'samedi', 'sábado'],
];
const WEEKDAY_OF: Record<string, number> = Object.fromEntries(
  WEEKDAY_NAMES.flatMap((names, i) => names.map((n) => [n, i] as const)),
);
const WEEKDAY = `(?:(?:в|во|on|am|le|el)\\s+)?(?:(?:late|early)\\s+(?:on\\s+)?)?(?:(${WEEKDAY_NAMES.flat().join('|')})(?:\\s+(?:morning|afternoon|evening|night|вечером|утром|днем|днём))?,?\\s+)?`;
const YEAR_AFTER = '(?:,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?:\\s*(?:года|г\\.|року|р\\.|yılı))?)?';
const DATE_PATTERNS: Array<{
  re: RegExp;
  parts: (m: RegExpExecArray) => [string | undefined, string, string | undefined, string | undefined];
}> = [
  // Wednesday, September 4, 2024 / Sept. 2
  {
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?${YEAR_AFTER}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    parts: (m) => [m[4], m[2] as string, m[3], m[1]],
  },
  // 3 September 2024, в четверг, 1 августа; 1. August; 1er août; 1 de agosto de 2024
  {
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])${WEEKDAY}(\\d{1,2})(?:\\.|er|-?го)?\\s+(?:de\\s+)?${MONTH}${YEAR_AFTER}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    parts: (m) => [m[4], m[3] as string, m[2], m[1]],
  },
  // March 2023
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\s+(\\d{4})(?![\\p{L}\\p{N}])`, 'giu'),
    parts: (m) => [m[2], m[1] as string, undefined, undefined],
  },
  // in 2002, the 2019 murder, в 2019 году
  {
    re: /(?<![\p{L}\p{N}$€£.,/-])(?:(?:in|since|by|until|в|с|en|im|desde)\s+)?((?:19|20)\d\d)(?:\s*(?:году|года|г\.))?(?![\p{L}\p{N}%.,/-]|\s*(?:%|percent|процент))/giu,
    parts: (m) => [m[1], '', undefined, undefined],
  },
];

/**
 * Words that name the occurrence a date belongs to (event triggers), by stem, with the noun used as
 * the fact's subject. "held talks … on 3 September" → subject "talks".
 */
const DATE_TRIGGERS: Array<[string, string]> = [
  ['arriv', 'arrival'],
  ['landed', 'arrival'],
  ['talk', 'talks'],
  ['meet', 'meeting'],
  ['summit', 'summit'],
  ['visit', 'visit'],
  ['trip', 'visit'],
  ['signed', 'signing'],
  ['signing', 'signing'],
  ['issu', 'issuance'],
  ['join', 'accession'],
  ['ratif', 'accession'],
  ['acced', 'accession'],
  ['elect', 'election'],
  ['vote', 'vote'],
  ['attack', 'attack'],
  ['invad', 'invasion'],
  ['invasion', 'invasion'],
  ['appoint', 'appointment'],
  ['interview', 'interview'],
  ['depart', 'departure'],
  ['murder', 'killing'],
  ['kill', 'killing'],
  ['execut', 'killing'],
  ['assassin', 'killing'],
  ['getötet', 'killing'],
  ['ermord', 'killing'],
  ['убий', 'killing'],
  ['убил', 'killing'],
  ['convict', 'conviction'],
  ['verurteil', 'conviction'],
  ['осужд', 'conviction'],
  ['sentenc', 'sentencing'],
  ['приговор', 'sentencing'],
  ['exchang', 'exchange'],
  ['swap', 'exchange'],
  ['обмен', 'exchange'],
  ['intercambi', 'exchange'],
  ['takas', 'exchange'],
  ['austausch', 'exchange'],
  ['приземл', 'arrival'],
  ['прибы', 'arrival'],
  ['died', 'death'],
  ['death', 'death'],
  ['умер', 'death'],
  ['скончал', 'death'],
  ['смерт', 'death'],
  ['funeral', 'funeral'],
  ['похорон', 'funeral'],
  ['прощан', 'funeral'],
  ['arrest', 'arrest'],
  ['jailed', 'arrest'],
  ['detain', 'arrest'],
  ['задерж', 'arrest'],
  ['арест', 'arrest'],
];

const WORD_NUMBER = `(?:${Object.keys(WORD_VALUES)
  .flatMap((w) => [w, `${(w[0] as string).toUpperCase()}${w.slice(1)}`])
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
/** Multipliers after a figure ("4.2 billion", "200 миллионов", "400 mil", "50 тэрбум"). */
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(?:thousand|тысяч[аиу]?|тыс\.?|mil|мянга|мянган)$/iu, 1e3],
  [
    /^(?:million|millions|миллион(?:а|ов)?|млн\.?|millones|millón|milhões|milhão|millionen|mio\.?|сая)$/iu,
    1e6,
  ],
  [/^(?:billion|billions|миллиард(?:а|ов)?|млрд\.?|mil millones|milliarden|mrd\.?|тэрбум)$/iu, 1e9],
  [/^(?:trillion|триллион(?:а|ов)?|трлн\.?)$/iu, 1e12],
];
const MULTIPLIER_WORD =
  '(?:thousand|тысяч[аиу]?|тыс\\.|mil|мянган?|millions?|миллион(?:а|ов)?|млн\\.?|millones|millón|milhões|milhão|Millionen|Mio\\.|сая|billions?|миллиард(?:а|ов)?|млрд\\.?|Milliarden|Mrd\\.|тэрбум|trillion|триллион(?:а|ов)?|трлн\\.?)';
/** A figure: digits (thousands grouped with commas or spaces, decimals), a fraction, or words. */
const FIGURE = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?(?:[- ]\\d/\\d)?|\\d?[¼½¾]|${WORD_NUMBER}(?:[- ]${WORD_NUMBER})?(?:\\s+and\\s+a\\s+half)?)`;
/** "4.75%–5%", "4-3/4 to 5 percent", "between 4.5 and 4.75". */
const RANGE_JOIN = '\\s*(?:%|percent|per cent)?\\s*(?:–|—|-|to|до)\\s*';
const PERCENT_WORD =
  '(?:%|\\s*percent|\\s*per\\s?cent|\\s*процент(?:а|ов)?|\\s*хувь(?:иар|тай|ийг|ийн)?|\\s*Prozent|\\s*por\\s?ciento|\\s*pour\\s?cent|\\s*por\\s?cento|\\s*п\\.п\\.|\\s*percentage\\s+points?|\\s*basis\\s+points?|\\s*bps?)';
/** Currency before a figure ("$4.2 billion", "€300m") or after its multiplier ("200 million dollars"). */
const CURRENCY_SIGN: Record<string, string> = {
  $: 'dollar',
  US$: 'dollar',
  '€': 'euro',
  '£': 'pound',
  '¥': 'yen',
  '₮': 'tugrik',
  '₽': 'rouble',
};
const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(?:dollars?|доллар(?:ов|а)?|dólares|dollar|долл\.?|ам\.)$/iu, 'dollar'],
  [/^(?:euros?|евро|eur)$/iu, 'euro'],
  [/^(?:рубл(?:ей|я|ь)|roubles?|rubles?|руб\.?)$/iu, 'rouble'],
  [/^(?:төгрөг(?:ийн)?|tugriks?|togrogs?)$/iu, 'tugrik'],
  [/^(?:yen|иен|иены)$/iu, 'yen'],
  [/^(?:pounds?|фунтов)$/iu, 'pound'],
];
/** What a sum is, by stem. */
const MONEY_MEASURES: Array<[RegExp, string]> = [
  [/^(?:revenue|revenues|sales|turnover|выручк|оборот|umsatz|ingresos|орлого)/iu, 'revenue'],
  [/^(?:profit|earnings|net income|прибыл|gewinn|beneficio|ашиг)/iu, 'profit'],
  [/^(?:loss|losses|убыт|verlust|pérdida|алдагдал)/iu, 'loss'],
  [/^(?:loan|loans|lend|lends|lent|lending|credit|кредит|заем|займ|darlehen|préstamo|зээл)/iu, 'loan'],
  [/^(?:budget|бюджет|haushalt|presupuesto|төсөв)/iu, 'budget'],
  [/^(?:aid|assistance|grant|grants|помощ|грант|hilfe|ayuda|тусламж|буцалтгүй)/iu, 'aid'],
  [/^(?:investment|investments|invest|инвестиц|вложени|inversión|хөрөнгө)/iu, 'investment'],
  [/^(?:fine|fined|штраф|geldstrafe|multa|торгууль)/iu, 'fine'],
  [/^(?:bail|залог|kaution|fianza|барьцаа)/iu, 'bail'],
  [/^(?:debt|долг|schulden|deuda|өр)$/iu, 'debt'],
];
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,/-])(US\\$|[$€£¥₮₽])?\\s?(${FIGURE})(?:${RANGE_JOIN}(${FIGURE}))?(?:\\s*(dozen)|\\s*(${MULTIPLIER_WORD}|bn|m)(?![\\p{L}]))?(?:(${PERCENT_WORD})(?![\\p{L}])|-(year|decade|month|week|day|hour)s?(?:-old)?(?![\\p{L}])|\\s+(\\p{Lu}\\p{Ll}+\\s+)?(\\p{Ll}[\\p{Ll}'’-]*(?:\\s+\\p{Ll}[\\p{Ll}-]*)?)|(?<=\\d|\\p{L}|\\.)(?=\\s*[,.;:)]|\\s+(?:for|in|from|on|at|a|an|the|to|of|and)\\s))`,
  'gu',
);
const NUMBER_SUBJECT_STOP = new Set([
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'the',
  'a',
  'by',
  'with',
  'from',
  'per',
  'percent',
  'is',
  'are',
  'was',
  'were',
  'who',
  'that',
  'which',
  'have',
  'has',
  'had',
  'will',
  'would',
  'de',
  'del',
  'da',
  'do',
  'en',
  'y',
  'e',
  'que',
  'von',
  'und',
  'der',
  'die',
  'das',
  'из',
  'в',
  'во',
  'на',
  'и',
  'с',
  'со',
  'по',
  'для',
  'от',
  'к',
  'за',
  'а',
  'но',
  'что',
  'которые',
  'over',
  'after',
  'before',
  'as',
  'into',
  'since',
  'while',
  'amid',
  'under',
  'because',
  'than',
  'during',
  'across',
  'against',
  'about',
]);
/** Different words for one counted thing. */
const SUBJECT_SYNONYMS: Record<string, string> = {
  'state party': 'member state',
  'states party': 'member state',
  'member country': 'member state',
  'cubic meter': 'cubic metre',
};
/** Units of time a figure measures: what is measured must be said beside them. */
const TIME_UNITS: Array<[RegExp, string]> = [
  [/^(?:years?|years['’]|yrs?|лет|года?|годам|años?|anos?|jahren?|ans?|yıl|жил|жилийн)$/iu, 'years'],
  [/^(?:decades?|десятилети[яей]|décadas?|jahrzehnte?)$/iu, 'decades'],
  [/^(?:months?|месяц(?:а|ев)?|meses?|monate?|сар)$/iu, 'months'],
  [/^(?:weeks?|недел[яиь]|semanas?|wochen?)$/iu, 'weeks'],
  [/^(?:days?|дн(?:я|ей)|день|días?|dias?|tage?n?|хоног)$/iu, 'days'],
  [/^(?:hours?|час(?:а|ов)?|horas?|stunden?|цаг)$/iu, 'hours'],
];
/** Words around a time figure that make it a prison term. */
const PRISON =
  /(?:sentenc|prison|jail|imprison|term\b|penal|pena\b|condena|prisión|cárcel|срок|приговор|лишени|колони|haft|gefängnis|ял\b|хорих)/iu;
/** Words before a time figure that make it a prison term ("sentenced to 19 years", "pena de 30 años"). */
const SENTENCING =
  /(?:sentenc|serving|jailed|imprison|term of|pena|condena|cumpl|приговор|осужд|срок|verurteil|hapis|ял)/iu;
/** Words before a figure that name it a toll ("the death toll rose to", "число погибших достигло"). */
const TOLL_VERB =
  '(?:rose|risen|climbed|jumped|reached|increased|grew|stood|stands|stands at|is|was|has reached|hit|выросло|вырос|достигло|достиг|составило|составил|составляет|увеличилось|возросло|стали|стало|ascendió|subió|asciende|stieg|liegt|нэмэгдэж|хүрсэн|болжээ|боллоо)';
const TOLL_TAIL = `(?:(?:\\s+[^\\s.!?;:]+){0,8}?\\s+${TOLL_VERB})?(?:\\s+(?:to|at|до|a|auf|en))?(?:\\s+(?:more than|over|at least|about|около|более|не менее|свыше|почти|almost|nearly))?\\s*$`;
const TOLL_BEFORE: Array<[RegExp, string]> = [
  [
    new RegExp(
      `(?:death toll|toll|number of (?:dead|deaths|victims|fatalities|people killed)|число (?:погибших|жертв|убитых)|количество (?:погибших|жертв)|жертвами|cifra de muertos|número de muertos|víctimas mortales|zahl der toten|амь үрэгдэгсдийн тоо|нас барагсдын тоо)${TOLL_TAIL}`,
      'iu',
    ),
    'killed',
  ],
  [
    new RegExp(
      `(?:number of (?:injured|wounded)|число (?:пострадавших|раненых)|количество (?:пострадавших|раненых)|número de heridos|zahl der verletzten|гэмтэгсдийн тоо)${TOLL_TAIL}`,
      'iu',
    ),
    'injured',
  ],
];
/** Predicates that only people undergo: a figure with one of them counts people even without a noun. */
const TOLLS = new Set(['killed', 'injured', 'missing', 'hospitalised', 'evacuated']);
const SOUGHT =
  /(?:sought|seek|request|asked|demand|prosecutor|запрос|просил|требова|прокурор|pidió|solicit|forder|beantragt)/iu;
/** Nouns that count people, in the languages the coverage comes in (singular, lowercase). */
const PERSON_NOUNS = new Set(
  (
    'people person individual prisoner detainee inmate hostage citizen national captive dissident civilian ' +
    'victim adult child children minor journalist foreigner resident spectator visitor passenger soldier officer ' +
    'человек человека людей люди заключенный заключенных заключённых заключенного гражданин граждан граждане узник узников ' +
    'пленный пленных детей ребенка ребёнка погибших пострадавших раненых жертв ' +
    'persona personas preso presos ciudadano ciudadanos prisionero prisioneros reo reos pessoa pessoas ' +
    'mensch menschen personen gefangene gefangenen häftling häftlinge bürger ' +
    'persoane persoană prizonieri deținuți kişi kişiyi mahkum mahkûm rehine rehinenin ' +
    'хүн хүний иргэн хоригдол затворници затворника души'
  ).split(' '),
);
/**
 * What is done to the people a figure counts, by stem, with the name the subject takes ("exchanged",
 * "killed"). A count of people is compared only with counts of the same thing done.
 */
const PREDICATES: Array<[RegExp, string]> = [
  [
    /^(?:exchang|swap|trade|traded|freed|free|releas|liberat|liberación|liberad|intercambi|canje|обмен|обменя|освобо|размян|размен|austausch|ausgetauscht|freigelassen|freigelass|takas|serbest|schimb|eliber|predate|солил|сулла)/iu,
    'exchanged or freed',
  ],
  [/^(?:pardon|помилов|indult|begnadig|affet|örş)/iu, 'pardoned'],
  [
    /^(?:kill|dead|death|died|die|toll|fatalit|погиб|убит|убил|жертв|смерт|muert|fallec|tote|getötet|ölü|hayatını|алдсан|амь)/iu,
    'killed',
  ],
  [/^(?:injur|wound|hurt|ранен|ранены|пострада|herid|verletz|yaralı|гэмтэ|шарх)/iu, 'injured'],
  [/^(?:detain|arrest|задерж|арест|detenid|festgenommen|gözaltı|баривчил)/iu, 'detained'],
  [/^(?:missing|пропал|desaparec|vermisst|kayıp|сураггүй)/iu, 'missing'],
  [/^(?:hospital|госпитал|hospitaliz|эмнэлэг)/iu, 'hospitalised'],
  [/^(?:expel|persona|высла|выдвор|expuls|ausgewiesen|хөөсөн)/iu, 'expelled'],
  [/^(?:evacuat|эвакуир|evacuad|evakuiert|нүүлгэ)/iu, 'evacuated'],
];
/** Words between a predicate and its figure that do not break the tie ("were", "rose to"). */
const LIGHT = new Set(
  'were was have has had been being be are is rose risen climbed reached to at least more than about around some nearly almost over up by of the a an total in all as many de un una um uma das dos del of los las на в стало составило составляет достигло до более около не менее свыше всего были был было a fost au fost sunt'.split(
    ' ',
  ),
);
/** Words before a figure that bound it rather than state it. */
const BOUNDS: Array<[RegExp, 'low' | 'high' | 'about']> = [
  [
    /(?:more than|over|at least|upwards of|in excess of|exceeding|не менее|более|свыше|больше|más de|mais de|mehr als|über|гаруй|илүү)\s*$/iu,
    'low',
  ],
  [
    /(?:fewer than|less than|under|up to|as many as|at most|no more than|до|менее|меньше|hasta|bis zu|weniger als|хүртэл)\s*$/iu,
    'high',
  ],
  [
    /(?:about|around|nearly|almost|some|roughly|approximately|close to|an estimated|около|почти|примерно|порядка|cerca de|alrededor de|casi|unos|unas|etwa|rund|fast|ungefähr|yaklaşık|орчим|ойролцоогоор)\s*$/iu,
    'about',
  ],
];
const ROSE_TO =
  /(?:вырос\p{L}*|увеличил\p{L}*|возрос\p{L}*|сократил\p{L}*|снизил\p{L}*|повысил\p{L}*|понизил\p{L}*|достиг\p{L}*|дошло|дошел|дошла)\s+до\s*$/iu;
/** Words after a figure that bound it ("500 and more", "1000 дахин"). */
const BOUND_AFTER = /^\s*(?:or more|and more|plus|или более|и более|гаруй|орчим)(?![\p{L}])/iu;
/** A figure that counts part of a larger one beside it. */
const PART_BEFORE =
  /(?:including|among them|of whom|of which|включая|в том числе|среди них|из них|incluyendo|incluidos|entre ellos|darunter|dahil|бүгд)\s*$/iu;
/** "Of the 112 injured, 41 are …": a part of the figure just named. */
const PART_OF_THE = /(?:^|[^\p{L}])(?:of the|из)\s+\d[\d,.]*\s+\p{L}+,\s*$/iu;
const PART_AFTER = /^\s*(?:of the|of them|of whom|из|de los|de las|der)\s+(?:\d|\p{L})/iu;
function wordValue(figure: string): number | undefined {
  const f = figure.toLowerCase().replace(/\s+and\s+a\s+half$/, '');
  const half = f.length !== figure.length ? 0.5 : 0;
  const parts = f.split(/[- ]/).filter(Boolean);
  let total = 0;
  for (const p of parts) {
    const v = WORD_VALUES[p];
    if (v === undefined) return undefined;
    total = v === 100 && total > 0 ? total * 100 : total + v;
  }
  return total + half;
}

/** A figure's value: "26,000" 26000, "4,25" 4.25, "4-3/4" 4.75, "¾" 0.75, "twenty-six" 26. */
function figureValue(figure: string): number | undefined {
  const frac = figure.match(/^(\d*)([¼½¾])$/);
  if (frac) return Number(frac[1] || 0) + ({ '¼': 0.25, '½': 0.5, '¾': 0.75 }[frac[2] as '¼'] ?? 0);
  const mixed = figure.match(/^(\d+)[- ](\d)\/(\d)$/);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(figure)) return Number(figure.replaceAll(',', ''));
  if (/^\d+,\d+$/.test(figure)) return Number(figure.replace(',', '.'));
  if (/^\d+(?:\.\d+)?$/.test(figure)) return Number(figure);
  return wordValue(figure);
}

function multiplierOf(word: string | undefined): number {
  if (!word) return 1;
  for (const [re, n] of MULTIPLIERS) if (re.test(word)) return n;
  return 1;
}

function timeUnit(word: string): string | undefined {
  for (const [re, unit] of TIME_UNITS) if (re.test(word)) return unit;
  return undefined;
}

/** Tokens of a sentence as lowercase words with offsets. */
function words(text: string, base: number): Array<{ lower: string; start: number; end: number }> {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({
    lower: m[0].toLowerCase(),
    start: base + m.index,
    end: base + m.index + m[0].length,
  }));
}

/**
 * What is done to the people a figure counts: a predicate next to it, with only light words between
 * ("freed 24", "24 prisoners were exchanged", "the death toll rose to 133"). A predicate further away
 * may govern another figure of the sentence ("eight were flown home in the exchange of 26"), so the
 * count is then left without one. Two different predicates next to it leave it without one too.
 */
function predicateOf(
  sentenceWords: Array<{ lower: string; start: number; end: number }>,
  start: number,
  end: number,
): string | undefined {
  const before = sentenceWords.filter((w) => w.end <= start).reverse();
  const after = sentenceWords.filter((w) => w.start >= end);
  // The verb before the figure governs it ("pardoned 13 prisoners freed in the swap").
  for (const side of [before, after]) {
    for (const w of side) {
      const hit = PREDICATES.find(([re]) => re.test(w.lower));
      if (hit) return hit[1];
      if (!LIGHT.has(w.lower)) break;
    }
  }
  return undefined;
}

/** A count of a named group ("восемь граждан России", "16 people from Russia"), not of all. */
const GROUP_AFTER = /^\s+(?:(?:from|of|in)\s+(?:the\s+)?)?\p{Lu}/u;

function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/ss$/.test(word) || word.length <= 3) return word;
  return word.replace(/s$/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days;
}

/** Numbers with what they count, dates with the occurrence they date, and places. */
export function extractFacts(text: string, options: FactOptions = {}): Fact[] {
  const facts: Fact[] = [];
  const headlineEnd = options.headlineEnd ?? 0;
  const published = options.publishedAt ? new Date(options.publishedAt) : undefined;
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : undefined;
  const defaultYear = publishedAt?.getUTCFullYear();
  const push = (fact: Omit<Fact, 'id' | 'inHeadline'>) => {
    facts.push({
      id: contentId('fact', options.documentId ?? '', fact.kind, fact.start, fact.end),
      ...fact,
      inHeadline: fact.start < headlineEnd,
    });
  };
  const sentences = splitSentences(text, splitParagraphs(text));
  const dateSpans: Array<[number, number]> = [];

  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const taken: Array<[number, number]> = [];
    for (const { re, parts } of DATE_PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const start = sentence.start + m.index;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        // "Published August 2, 2024 / last updated …": the page's own date, not a fact it reports.
        if (
          /(?:published|updated|posted|опубликовано|обновлено|veröffentlicht|publicado)\s*:?\s*(?:on\s+)?$/iu.test(
            text.slice(Math.max(0, start - 24), start),
          )
        ) {
          taken.push([start, end]);
          continue;
        }
        const [yearText, monthText, dayText, weekdayText] = parts(m);
        // A bare year dates something only with a preposition or the occurrence right after it
        // ("in 2019", "the 2019 murder"); otherwise it is a figure or a name ("Vision 2030").
        if (!monthText && !/^\p{L}/u.test(m[0])) {
          const next = text
            .slice(end, end + 24)
            .match(/^\s+(\p{L}+)/u)?.[1]
            ?.toLowerCase();
          if (!next || !DATE_TRIGGERS.some(([stem]) => next.startsWith(stem))) continue;
        }
        const year = yearText ? Number(yearText) : defaultYear;
        const month = monthText ? MONTHS[monthText.toLowerCase().replace('.', '')] : undefined;
        // An undated page's "(Wednesday,) August 1": the day of the year without the year (ISO --MM-DD).
        if (!year && month && dayText && validDay(2024, month, Number(dayText))) {
          taken.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
          const s0 = sentence.start + m.index;
          const lead0 = m[0].match(/^(?:в|во|on|am|le|el)\s+/iu)?.[0].length ?? 0;
          const weekday = weekdayText
            ? WEEKDAY_NAMES[WEEKDAY_OF[weekdayText.toLowerCase()] ?? 0]?.[0]
            : undefined;
          const e0 = s0 + m[0].length;
          push({
            kind: 'date',
            subject: dateSubject(text, sentence.start, s0, e0, sentence.end),
            value: `--${pad(month)}-${pad(Number(dayText))}`,
            text: text.slice(s0 + lead0, e0),
            start: s0 + lead0,
            end: e0,
            ...(weekday ? { weekday } : {}),
          });
          continue;
        }
        // "May" alone is a verb as often as a month: only with a day or a year after it.
        if (monthText && /^may$/i.test(monthText) && !dayText && !yearText) continue;
        if (!year) continue;
        let value = String(year);
        if (month) value += `-${pad(month)}`;
        if (month && dayText) {
          if (!validDay(year, month, Number(dayText))) continue;
          value += `-${pad(Number(dayText))}`;
        }
        taken.push([start, end]);
        const lead = m[0].match(/^(?:in|since|by|until|в|с|en|im|desde|on|am|le|el)\s+/iu)?.[0].length ?? 0;
        const subject = dateSubject(text, sentence.start, start, end, sentence.end);
        const weekday = weekdayText
          ? WEEKDAY_NAMES[WEEKDAY_OF[weekdayText.toLowerCase()] ?? 0]?.[0]
          : undefined;
        push({
          kind: 'date',
          subject,
          value,
          text: text.slice(start + lead, end),
          start: start + lead,
          end,
          ...(weekday && month && dayText ? { weekday } : {}),
        });
      }
    }
    if (publishedAt) {
      for (const r of relativeDates(body, sentence.start, publishedAt)) {
        if (taken.some(([s, e]) => r.start < e && r.end > s)) continue;
        taken.push([r.start, r.end]);
        const lead = text.slice(r.start, r.end).match(/^(?:on|в|во)\s+/iu)?.[0].length ?? 0;
        // "six months after the appointment …": the date is the appointment's, named after the phrase.
        const forward = /\b(?:after|before)$/i.test(text.slice(r.start, r.end))
          ? dateSubjectAfter(text, r.end, sentence.end)
          : undefined;
        const subject = forward ?? dateSubject(text, sentence.start, r.start);
        push({
          kind: 'date',
          subject,
          value: r.value,
          text: text.slice(r.start + lead, r.end),
          start: r.start + lead,
          end: r.end,
        });
      }
    }
    dateSpans.push(...taken);
  }

  const asOf = publishedAt?.toISOString();
  for (const sentence of sentences) {
    // "the deadliest since 2004, when 334 people were killed": a count in a sentence dated to another
    // year than the page's is of that year's occurrence.
    const years = defaultYear
      ? [
          ...text
            .slice(sentence.start, sentence.end)
            .matchAll(/(?<![\p{N}.,])((?:19|20)\d\d)(?![\p{N}.,%])/gu),
        ]
          .map((m) => Number(m[1]))
          .filter((y) => y !== defaultYear)
      : [];
    for (const fact of numberFacts(text, sentence.start, sentence.end, dateSpans)) {
      const dated =
        years.length > 0 && /^people \p{L}/u.test(fact.subject)
          ? { subject: `${fact.subject} in ${years[0]}` }
          : {};
      push({ ...fact, ...dated, ...(asOf ? { asOf } : {}) });
    }
  }

  for (const m of text.matchAll(PLACE_PATTERN)) {
    const name = m[1] as string;
    const place = lookupPlace(name);
    if (!place) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    // "Chad Smith", "Jordan Peterson", "Jersey City": a country's name as part of a longer proper
    // name in running text (a title-case headline capitalises every word, so not there).
    if (
      place.type === 'country' &&
      m.index >= headlineEnd &&
      /^ \p{Lu}\p{Ll}/u.test(after) &&
      !AFFILIATION_AFTER.test(after) &&
      !AFFILIATION_BEFORE.test(before)
    )
      continue;
    const affiliation = AFFILIATION_BEFORE.test(before) || AFFILIATION_AFTER.test(after);
    push({
      kind: 'place',
      subject: affiliation ? 'affiliation' : 'location',
      value: place.name,
      text: name,
      start: m.index,
      end: m.index + name.length,
      country: place.country,
      placeType: place.capital ? 'capital' : place.type,
    });
  }
  // Person names: each person once, at the first mention, valued by the fullest form the text gives.
  // A title-case headline runs words together ("Vladimir Putin Visits Kyzyl"): names from the body.
  const mentions = nameMentions(text).filter((m) => m.start >= headlineEnd);
  const seen = new Set<string>();
  for (const m of mentions) {
    const short = !m.name.includes(' ') || /^(?:\p{Lu}\.){1,2}\s?\S+$/u.test(m.name);
    const full = (short ? fullNameFor(m.name, mentions) : undefined) ?? m.name;
    if (seen.has(full)) continue;
    seen.add(full);
    // The words as written (two spaces between them stay two); the value is the name normalised.
    push({
      kind: 'name',
      subject: 'person',
      value: full,
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
    });
  }
  return facts.sort((a, b) => a.start - b.start);
}

type NumberFact = Omit<Fact, 'id' | 'inHeadline'>;

/** Measures a percentage is a value of, by stem, named as in the subject ("deposit rate (percent)"). */
const MEASURES: Array<[RegExp, string]> = [
  [/^(?:rates?|ставк[аиуе]|tasas?|tipos?|zins(?:satz|en)?|leitzins|хүү)$/iu, 'rate'],
  [/^(?:inflation|инфляци[яиюей]|inflación|inflação|inflationsrate|инфляц)/iu, 'inflation'],
  [/^(?:growth|рост[а]?|crecimiento|wachstum|өсөлт)/iu, 'growth'],
  [/^(?:gdp|ввп|pib|bip|ддн)$/iu, 'gdp'],
  [/^(?:unemployment|безработиц|desempleo|paro|arbeitslosen)/iu, 'unemployment'],
  [/^(?:turnout|явк[аиу]|participación|wahlbeteiligung|ирц)/iu, 'turnout'],
  [/^(?:votes?|голос(?:ов|а)?|votos?|stimmen|санал)$/iu, 'vote'],
  [/^(?:shares?|stake|доля|долю|доли|участие|participación|anteil|хувьц)/iu, 'stake'],
  [/^(?:yields?|доходност)/iu, 'yield'],
  [/^(?:deficit|дефицит|déficit|defizit|алдагдал)/iu, 'deficit'],
  [/^(?:tariffs?|пошлин|aranceles?|zölle?|татвар)/iu, 'tariff'],
  [/^(?:approval|support|рейтинг|поддерж|aprobación|zustimmung)/iu, 'approval'],
];
const MEASURE_MODIFIERS =
  /^(?:deposit|refinancing|lending|key|policy|benchmark|core|headline|marginal|overnight|prime|mortgage|depósito|ключев|учетн|депозит|рефинанс)/iu;

function measureNear(
  sentenceWords: ReturnType<typeof words>,
  start: number,
  end: number,
): string | undefined {
  const after = sentenceWords.filter((w) => w.start >= end).slice(0, 4);
  // "56.3 percent of the vote", "a 34% stake"
  const ofIndex = after.findIndex((w) => w.lower === 'of');
  const candidates = [
    ...(ofIndex >= 0 && ofIndex <= 1 ? after.slice(ofIndex + 1, ofIndex + 3) : after.slice(0, 1)),
    ...sentenceWords
      .filter((w) => w.end <= start)
      .reverse()
      .slice(0, 12),
  ];
  for (const w of candidates) {
    const hit = MEASURES.find(([re]) => re.test(w.lower));
    if (!hit) continue;
    const i = sentenceWords.indexOf(w);
    // "deposit rate", "deposit facility rate", "main refinancing operations rate": one of two words back.
    const modifier = [sentenceWords[i - 1], sentenceWords[i - 2]].find(
      (b) => b && MEASURE_MODIFIERS.test(b.lower),
    );
    const name = MODIFIER_NAMES.find(([re]) => modifier && re.test(modifier.lower))?.[1] ?? modifier?.lower;
    return `${name ? `${name} ` : ''}${hit[1]}`;
  }
  return undefined;
}

/** One name for a modifier's forms ("ключевая ставка" is the key rate). */
const MODIFIER_NAMES: Array<[RegExp, string]> = [
  [/^(?:depósito|депозит)/iu, 'deposit'],
  [/^ключев/iu, 'key'],
  [/^(?:refinanc|рефинанс)/iu, 'refinancing'],
];

/** Measures that are series over time: a figure is one of them only with the period it is for. */
const SERIES = new Set(['inflation', 'growth', 'gdp', 'unemployment', 'deficit', 'yield']);
const PERIOD_AFTER = new RegExp(
  `^\\s*(?:in|for|this|next|last|в|на|за|en|im|für)?\\s*(?:the\\s+)?((?:19|20)\\d\\d|${MONTH_NAMES.flat()
    .filter((n) => n.length > 3 || n === 'may')
    .join('|')}|(?:first|second|third|fourth)\\s+quarter|year)(?![\\p{L}\\p{N}])`,
  'iu',
);

/** Numbers in one sentence: the figure, what it counts or measures, and how exactly it is given. */
function numberFacts(
  text: string,
  from: number,
  to: number,
  dateSpans: Array<[number, number]>,
): NumberFact[] {
  const out: NumberFact[] = [];
  const body = text.slice(from, to);
  const sentenceWords = words(body, from);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(body); m; m = NUMBER.exec(body)) {
    const start = from + m.index;
    const [, currencySign, first, second, dozen, multiplierWord, percentWord, hyphenUnit, adjective, noun] =
      m;
    if (dateSpans.some(([s, e]) => start >= s && start < e)) continue;
    const v1 = figureValue(first as string);
    if (v1 === undefined) continue;
    const inWords = !/\d|[¼½¾]/.test(first as string);
    // "Chapter 9", "Article 86", "Power of Siberia 2": a number naming something, not counting it.
    if (!inWords && /\p{Lu}[\p{L}]*\s+$/u.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (!multiplierWord && !percentWord && /^(19|20)\d\d$/.test(first as string)) continue;
    const lead = text.slice(Math.max(0, start - 32), start);
    let v2 = second !== undefined ? figureValue(second) : undefined;
    // "$300m", "€4.2bn": the short multipliers only after a currency sign.
    if (!currencySign && multiplierWord && /^(?:bn|m)$/.test(multiplierWord)) continue;
    const multiplier = dozen
      ? 12
      : multiplierWord === 'bn'
        ? 1e9
        : multiplierWord === 'm'
          ? 1e6
          : multiplierOf(multiplierWord);
    let low: number | undefined;
    let high: number | undefined;
    let value = v1 * multiplier;
    // "from 4% to 3.75%", "rose from 115 to 133": the figure now is the second.
    if (v2 !== undefined && (v2 <= v1 || /(?:from|с|от|de|von)\s*$/iu.test(lead))) {
      value = v2 * multiplier;
      v2 = undefined;
    } else if (v2 !== undefined) {
      low = value;
      high = v2 * multiplier;
    }
    if (low === undefined) {
      const bound = BOUNDS.find(([re]) => re.test(lead))?.[1];
      const after = text.slice(start + m[0].length, start + m[0].length + 16);
      if (bound === 'low' || BOUND_AFTER.test(after)) low = value;
      // "выросло до 143" is "rose to 143", not "up to".
      else if (bound === 'high' && !ROSE_TO.test(lead)) high = value;
      else if (bound === 'about') {
        low = value * 0.9;
        high = value * 1.1;
      }
    }
    const round = (n: number) => Number(n.toPrecision(12));
    const valueText =
      low !== undefined && high !== undefined && v2 !== undefined
        ? `${round(low)}–${round(high)}`
        : String(round(value));
    const bounds = {
      ...(low !== undefined ? { low: round(low) } : {}),
      ...(high !== undefined ? { high: round(high) } : {}),
    };
    const part = PART_BEFORE.test(lead) || PART_OF_THE.test(lead) ? { part: true } : {};
    // "the death toll rose to 133", "число погибших выросло до 143": the toll's figure, noun or not.
    const tollLead = text.slice(Math.max(from, start - 120), start);
    const toll =
      !percentWord && !currencySign ? TOLL_BEFORE.find(([re]) => re.test(tollLead))?.[1] : undefined;
    // A count of people by what was done to them, its span the figure alone.
    const pushCount = (what: string) => {
      const countEnd = start + (first as string).length;
      out.push({
        kind: 'number',
        subject: `people ${what}`,
        value: String(round(value)),
        text: text.slice(start, countEnd),
        start,
        end: countEnd,
        ...bounds,
        ...part,
      });
    };
    if (toll && !(noun && /^(?:percent|per|%)/.test(noun))) {
      pushCount(toll);
      continue;
    }
    let subject: string | undefined;
    let end = start + m[0].length;
    const currencyNoun = noun?.split(/\s+/)[0];
    const currency = currencySign
      ? CURRENCY_SIGN[currencySign]
      : currencyNoun
        ? CURRENCY_WORDS.find(([re]) => re.test(currencyNoun))?.[1]
        : undefined;
    if (currency && !percentWord) {
      // "revenue of $4.2 billion", "a $300 million railway loan", "200 million dollars in loans":
      // the sum with what it is, when a word near it says; else only the currency.
      const near = [
        ...sentenceWords.filter((w) => w.end <= start).slice(-3),
        ...sentenceWords.filter((w) => w.start >= start + m[0].length - (noun?.length ?? 0)).slice(0, 5),
      ];
      const measure = near.map((w) => MONEY_MEASURES.find(([re]) => re.test(w.lower))?.[1]).find(Boolean);
      if (currencyNoun && !currencySign) end = start + m[0].lastIndexOf(currencyNoun) + currencyNoun.length;
      else end = start + m[0].slice(0, noun ? m[0].length - noun.length : m[0].length).trimEnd().length;
      subject = measure ? `${measure} (${currency})` : currency;
    } else if (percentWord) {
      // "to 3.5% from 3.75%": the level before the change, not a figure for now.
      if (v2 === undefined && low === undefined && /(?:from|с|от|desde|von)\s*$/iu.test(lead)) continue;
      const unit = /basis|bp/i.test(percentWord)
        ? 'basis points'
        : /point|п\.п/i.test(percentWord)
          ? 'percentage points'
          : 'percent';
      let measure = measureNear(sentenceWords, start, end);
      // "inflation of 2.5% in 2024, 2.2% in 2025": each figure is for its period, or for none said.
      if (measure && SERIES.has(measure.split(' ').pop() as string)) {
        const period = text.slice(end, Math.min(to, end + 24)).match(PERIOD_AFTER)?.[1];
        measure = period ? `${measure} ${period.toLowerCase()}` : undefined;
      }
      const change = /\bby\s*$/i.test(lead) ? ' change' : '';
      subject = measure ? `${measure}${change} (${unit})` : unit;
    } else if (hyphenUnit) {
      if (/-old$/i.test(m[0])) continue;
      const unit = timeUnit(hyphenUnit) ?? hyphenUnit;
      if (unit === 'decades') value *= 10;
      const around = text.slice(end, Math.min(to, end + 24));
      subject =
        PRISON.test(around) || PRISON.test(lead.slice(-16))
          ? 'prison sentence (years)'
          : unit === 'decades'
            ? 'years'
            : unit;
    } else if (noun) {
      if (
        PART_AFTER.test(text.slice(start + (first as string).length, start + (first as string).length + 12))
      )
        continue;
      const nounWords = noun.split(/\s+/);
      const kept: string[] = [];
      for (const w of nounWords) {
        if (NUMBER_SUBJECT_STOP.has(w)) break;
        kept.push(w);
      }
      if (kept.length === 0) {
        // "about 300 were injured": a toll given without its noun is still a count of people.
        const verb = text
          .slice(start + m[0].length - noun.length)
          .match(/^(?:were|was|have been|had been|are)\s+(\p{L}+)/u)?.[1];
        const predicate = verb ? PREDICATES.find(([re]) => re.test(verb.toLowerCase()))?.[1] : undefined;
        if (!predicate || !TOLLS.has(predicate)) continue;
        pushCount(predicate);
        continue;
      }
      // Cyrillic counts take one noun: the next word is its complement ("26 человек из …").
      if (/\p{Script=Cyrillic}/u.test(kept[0] as string)) kept.splice(1);
      end =
        start + m[0].lastIndexOf(kept[kept.length - 1] as string) + (kept[kept.length - 1] as string).length;
      const head = (kept[0] as string).replace(/['’]$/, '');
      const unit = timeUnit(head);
      if (unit) {
        if (unit === 'decades') value *= 10;
        const lead40 = text.slice(Math.max(from, start - 40), start);
        subject =
          SENTENCING.test(lead40) || SOUGHT.test(lead40)
            ? 'prison sentence (years)'
            : unit === 'decades'
              ? 'years'
              : unit;
      } else if (PERSON_NOUNS.has(head) || PERSON_NOUNS.has(singular(head))) {
        end = start + m[0].lastIndexOf(kept[0] as string) + (kept[0] as string).length;
        // "eight Russian citizens", "восемь граждан России": a named group, not everyone counted.
        const predicate =
          adjective || GROUP_AFTER.test(text.slice(end, end + 16))
            ? undefined
            : predicateOf(sentenceWords, start, end);
        subject = predicate ? `people ${predicate}` : 'people';
      } else if (PREDICATES.some(([re, name]) => TOLLS.has(name) && re.test(head))) {
        // "112 injured", "27 dead": the toll's own word.
        const name = PREDICATES.find(([re, n]) => TOLLS.has(n) && re.test(head))?.[1] as string;
        end = start + m[0].lastIndexOf(kept[0] as string) + (kept[0] as string).length;
        subject = `people ${name}`;
      } else {
        // "three diplomats": a figure in words counts a plural noun ("one of", "two-thirds" do not).
        if (inWords && !dozen && (v1 < 2 || !/s$/.test(kept[0] as string) || kept[0] === 'times')) continue;
        // "my four countries": whose they are, not how many there are in the story.
        if (/\b(?:my|his|her|our|their|your)\s+$/i.test(lead)) continue;
        // "five Western countries" counts a kind; "three Russian diplomats" only says whose.
        const kind =
          adjective && !/(?:an|ese|ish|i)\s*$/.test(adjective) ? `${adjective.trim().toLowerCase()} ` : '';
        const joined = kind + kept.map(singular).join(' ');
        subject = SUBJECT_SYNONYMS[joined] ?? joined;
      }
    } else {
      // "wounding more than 100.": a toll's figure at the end of its clause.
      const predicate = predicateOf(sentenceWords, start, start + (first as string).length);
      if (!predicate || !TOLLS.has(predicate)) continue;
      end = start + (first as string).length;
      subject = `people ${predicate}`;
    }
    if (inWords && subject === 'percent') continue;
    // "prosecutors sought 18 years": what was asked for, not the sentence.
    if (subject === 'prison sentence (years)' && SOUGHT.test(text.slice(from, start)))
      subject = 'prison sentence sought (years)';
    const finalValue = valueText.includes('–') ? valueText : String(round(value));
    out.push({
      kind: 'number',
      subject,
      value: finalValue,
      text: text.slice(start, end),
      start,
      end,
      ...bounds,
      ...part,
    });
  }
  return out;
}

/**
 * A place named as part of a title or body ("President of the Russian Federation", "ОХУ-ын
 * Ерөнхийлөгч", "U.S. Embassy") says whom someone represents, not where something happens.
 */
const AFFILIATION_BEFORE =
  /\b(?:President|Prime Minister|Minister|Ministry|Embassy|Government|Ambassador|Foreign Affairs|Parliament|Consulate|Mission)\s+(?:of|in|to)\s+(?:the\s+)?$/i;
const AFFILIATION_AFTER =
  /^(?:['’]s|-?(?:ын|ийн|ын|н|гийн))?\s*(?:President|Prime Minister|Foreign Minist|Ministry|Embassy|Government|Ambassador|Ерөнхийлөгч|Ерөнхий сайд|Засгийн газ|Гадаад харилцааны|Элчин|Президент|МИД|посол)/u;

function dateSubject(
  text: string,
  sentenceStart: number,
  dateStart: number,
  dateEnd = dateStart,
  sentenceEnd = dateEnd,
): string {
  // "the 2019 murder in Berlin": the occurrence the date qualifies comes right after it.
  const after = tokenize(text.slice(dateEnd, sentenceEnd), dateEnd).slice(0, 16);
  const next = after[0]?.lower;
  const adjacent = next ? DATE_TRIGGERS.find(([stem]) => next.startsWith(stem)) : undefined;
  if (adjacent && /^\s?\S/u.test(text.slice(dateEnd, dateEnd + 2)) && !/^[,.;]/.test(text.slice(dateEnd)))
    return adjacent[1];
  const tokens = tokenize(text.slice(sentenceStart, dateStart), sentenceStart);
  // The occurrence is named in the date's clause or near it, not anywhere in a long sentence.
  for (let i = tokens.length - 1; i >= Math.max(0, tokens.length - 16); i--) {
    const lower = (tokens[i] as { lower: string }).lower;
    const trigger = DATE_TRIGGERS.find(([stem]) => lower.startsWith(stem));
    if (trigger) return trigger[1];
  }
  // "1 августа состоялся обмен", "On 16 February, the service reported his death": near the head of
  // its sentence, a date is of the occurrence the sentence then names.
  if (tokenize(text.slice(sentenceStart, dateStart), sentenceStart).length > 5) return 'date';
  for (const token of after) {
    const trigger = DATE_TRIGGERS.find(([stem]) => token.lower.startsWith(stem));
    if (trigger) return trigger[1];
  }
  return 'date';
}

function dateSubjectAfter(text: string, from: number, sentenceEnd: number): string | undefined {
  for (const token of tokenize(text.slice(from, Math.min(sentenceEnd, from + 80)), from)) {
    const trigger = DATE_TRIGGERS.find(([stem]) => token.lower.startsWith(stem));
    if (trigger) return trigger[1];
  }
  return undefined;
}
