import type { SourceKind, Statement } from '@parallax/core';
import type { AlignDocument } from '../src/index';

/**
 * A synthetic multi-source corpus with known answers: base statements (a speaker, a sentence of
 * news-like words, sometimes a figure), each rendered by several sources the way coverage renders
 * quotes — verbatim, cut, elided, a word changed, a figure changed, credited to someone else, or
 * turned into reported speech. Words follow a Zipf law over a generated vocabulary, so common words
 * recur across thousands of statements as they do in news.
 */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba ko ri ta mu se lo ne vi da ra po ki sa te lu mo na di ve go ha je zu fi'.split(' ');
const FUNCTION_WORDS = 'the of and to in that for on with as by at from will is was has would not'.split(' ');

export interface SyntheticCorpus {
  documents: AlignDocument[];
  /** Statement id → the base statement it renders. */
  truth: Map<string, number>;
  statements: number;
}

export function syntheticCorpus(statementCount: number, seed = 42): SyntheticCorpus {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `${word(2 + (i % 3))}${i.toString(36)}`);
  // Zipf: rank r drawn with probability ∝ 1/r, by inverting the harmonic CDF approximately.
  const zipf = () =>
    vocabulary[
      Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1)
    ] as string;
  const surname = () => {
    const s = word(3);
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const speakers = Array.from({ length: Math.max(50, Math.floor(statementCount / 40)) }, () => ({
    first: surname(),
    last: surname(),
  }));
  const sourceCount = Math.max(20, Math.floor(statementCount / 50));
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `source-${i}`,
    kind: (i % 10 === 0 ? 'official' : 'outlet') as SourceKind,
  }));

  const truth = new Map<string, number>();
  const byDocument = new Map<string, { kind: SourceKind; statements: Statement[]; text: string }>();
  let made = 0;
  let base = 0;
  while (made < statementCount) {
    const speaker = pick(speakers);
    const length = 12 + Math.floor(random() * 18);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(random() < 0.4 ? pick(FUNCTION_WORDS) : zipf());
    if (random() < 0.4)
      words.splice(Math.floor(random() * words.length), 0, String(10 + Math.floor(random() * 990)));
    const renditions = Math.min(statementCount - made, 2 + Math.floor(random() * 8));
    const event = Math.floor(base / 10);
    const used = new Set<number>();
    for (let r = 0; r < renditions; r++) {
      let sourceIndex = Math.floor(random() * sources.length);
      while (used.has(sourceIndex)) sourceIndex = (sourceIndex + 1) % sources.length;
      used.add(sourceIndex);
      const source = sources[sourceIndex] as (typeof sources)[number];
      let text = words.slice();
      let kind: Statement['kind'] = 'direct';
      let label = `${speaker.first} ${speaker.last}`;
      const variant = random();
      if (variant < 0.1 && text.length > 8) {
        const from = Math.floor(random() * 3);
        text = text.slice(from, from + Math.ceil(text.length * 0.6));
        kind = 'partial';
      } else if (variant < 0.2 && text.length > 10) {
        const at = 3 + Math.floor(random() * (text.length - 7));
        text.splice(at, 3, '…');
      } else if (variant < 0.3) {
        text[Math.floor(random() * text.length)] = zipf();
      } else if (variant < 0.35) {
        const i = text.findIndex((w) => /^\d+$/.test(w));
        if (i >= 0) text[i] = String(Number(text[i]) + 1);
      } else if (variant < 0.4) {
        label = `${pick(speakers).last}`;
      } else if (variant < 0.5) {
        text = ['that', ...text.filter((w) => !FUNCTION_WORDS.includes(w) || random() < 0.7)];
        kind = 'indirect';
      } else if (variant < 0.55) {
        label = `spokesman ${speaker.first} ${speaker.last}`;
      }
      const sentence = `${text.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
      const documentId = `${source.id}/event-${event}`;
      const doc = byDocument.get(documentId) ?? { kind: source.kind, statements: [], text: '' };
      const start = doc.text.length;
      doc.text += `${sentence} `;
      const id = `s${made}`;
      doc.statements.push({
        id,
        text: sentence,
        kind,
        speaker: label,
        resolvedSpeaker: null,
        cue: 'said',
        lang: 'en',
        start,
        end: start + sentence.length,
      });
      byDocument.set(documentId, doc);
      truth.set(id, base);
      made++;
    }
    base++;
  }
  const documents = [...byDocument.entries()].map(([id, d]) => ({
    id,
    kind: d.kind,
    lang: 'en',
    statements: d.statements,
  }));
  return { documents, truth, statements: made };
}
