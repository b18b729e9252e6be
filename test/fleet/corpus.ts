import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '@parallax/core';

const DEMO_CORPUS = resolve(import.meta.dirname, '../corpus/putin-mongolia-2024');

export interface GeneratedPage {
  url: string;
  file: string;
  meta: {
    source: string;
    kind: Manifest[number]['kind'];
    url: string;
    title?: string;
    lang?: string;
    publishedAt?: string;
  };
}

const UPDATE_NOTES = [
  'This story has been updated with comments from the Mongolian foreign ministry.',
  'An earlier version of this article misstated the date of the warrant.',
  'Updated with the Kremlin’s response.',
  'This article was updated to add details of the talks in Ulaanbaatar.',
  'Corrects the spelling of a name in the ninth paragraph.',
  'Adds reaction from Kyiv in the fourth paragraph.',
];

/** The paragraphs of an HTML page (`<p …>…</p>`) and of a plain-text one (blank-line separated). */
function paragraphSpans(body: string, html: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (html) {
    for (const match of body.matchAll(/<p(?:\s[^>]*)?>[\s\S]*?<\/p>/g)) {
      spans.push([match.index, match.index + match[0].length]);
    }
  } else {
    let offset = 0;
    for (const part of body.split('\n\n')) {
      spans.push([offset, offset + part.length]);
      offset += part.length + 2;
    }
  }
  return spans;
}

/**
 * Revision `k` of a recorded page, as a site publishes successive versions of a live story: one body
 * paragraph cut (a different one per revision, never the headline), and an editor's update note with
 * its time stamp added at the end. Every revision is a real page of the corpus with a real edit, so
 * extraction, statements and alignment see realistic input, and every body (hence document) is distinct.
 */
function revise(body: string, html: boolean, k: number, publishedAt: string | undefined): string {
  const spans = paragraphSpans(body, html);
  const candidates = spans.slice(html ? 2 : 3, -1);
  let out = body;
  if (candidates.length > 0) {
    const [start, end] = candidates[k % candidates.length] as [number, number];
    out = out.slice(0, start) + out.slice(end);
  }
  const base = publishedAt ? Date.parse(publishedAt) : Date.UTC(2024, 8, 3);
  const stamp = new Date(base + (k + 1) * 17 * 60_000).toISOString().replace('.000Z', 'Z');
  const note = `${UPDATE_NOTES[k % UPDATE_NOTES.length]} (Updated ${stamp}, revision ${k + 1}.)`;
  if (html) {
    const close =
      out.lastIndexOf('</article>') >= 0 ? out.lastIndexOf('</article>') : out.lastIndexOf('</body>');
    return `${out.slice(0, close)}<p class="update-note">${note}</p>\n${out.slice(close)}`;
  }
  return `${out.trimEnd()}\n\n${note}\n`;
}

/**
 * Writes `count` pages to `dir`: revisions of the demo corpus's pages in turn, each at its own URL
 * (the original URL with `/revisions/N`), and returns them with their manifest metadata.
 */
export function generateCorpus(dir: string, count: number): GeneratedPage[] {
  const manifest: Manifest = JSON.parse(readFileSync(join(DEMO_CORPUS, 'manifest.json'), 'utf8'));
  const bodies = manifest.map((m) => readFileSync(join(DEMO_CORPUS, m.file), 'utf8'));
  mkdirSync(dir, { recursive: true });
  const pages: GeneratedPage[] = [];
  for (let i = 0; i < count; i++) {
    const entry = manifest[i % manifest.length] as Manifest[number];
    const k = Math.floor(i / manifest.length);
    const html = /\.html?$/.test(entry.file);
    const url = `${entry.url.replace(/\/$/, '')}/revisions/${k + 1}`;
    const file = join(dir, `${String(i).padStart(5, '0')}-${entry.file}`);
    writeFileSync(file, revise(bodies[i % manifest.length] as string, html, k, entry.publishedAt));
    pages.push({
      url,
      file,
      meta: {
        source: entry.source,
        kind: entry.kind,
        url,
        title: entry.title,
        lang: entry.lang,
        publishedAt: entry.publishedAt,
      },
    });
  }
  return pages;
}
