import iconv from 'iconv-lite';

export const NEWS_ARTICLE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves new tram line after late-night vote</title>
  <meta name="author" content="Jane Okafor">
  <meta property="article:published_time" content="2026-03-13T21:40:00Z">
</head>
<body>
  <header><nav><a href="/">Home</a> · <a href="/city">City</a></nav></header>
  <article>
    <h1>Council approves new tram line after late-night vote</h1>
    <p class="byline">By Jane Okafor · 13 March 2026</p>
    <p>The city council voted 31 to 18 on Thursday to approve a 12-kilometre tram line linking the
    northern suburbs with the central station, ending a debate that lasted almost four years.</p>
    <p>“This is the most important transport decision in a generation,” the mayor said after the vote.</p>
    <blockquote>Construction is expected to start in 2027 and cost €640 million.</blockquote>
  </article>
  <footer>© 2026 City Courier</footer>
</body>
</html>
`;

/** Russian text that both windows-1251 and KOI8-R can encode (KOI8-R has no « » or em dash). */
export const RUSSIAN_TEXT =
  'Госдума приняла закон о защите персональных данных. "Это важный шаг", - заявил председатель комитета. Ещё 12 поправок отклонены.';

export function russianPage(meta: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
  ${meta}
  <title>Госдума приняла закон</title>
</head>
<body>
  <article><h1>Госдума приняла закон</h1><p>${RUSSIAN_TEXT}</p></article>
</body>
</html>
`;
}

export const MONGOLIAN_TEXT = 'Улаанбаатар хотын өнөөдрийн үйл явдал: Үндсэн хуулийн цэцийн шийдвэр гарлаа.';

export const MONGOLIAN_PAGE = `<!doctype html>
<html lang="mn">
<head><title>Өнөөдрийн мэдээ</title></head>
<body><article><h1>Өнөөдрийн мэдээ</h1><p>${MONGOLIAN_TEXT}</p></article></body>
</html>
`;

/** Bytes of `text` in a legacy encoding, from iconv-lite's own tables (independent of TextDecoder). */
export function encode(text: string, encoding: 'windows-1251' | 'koi8-r' | 'utf-16le'): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function withBom(bom: number[], bytes: Uint8Array): Uint8Array {
  return new Uint8Array([...bom, ...bytes]);
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf];
export const UTF16LE_BOM = [0xff, 0xfe];
