/**
 * Synthetic news for the incremental-compare bench and tests: many unrelated stories, each with its
 * own invented people, place, body and figures, reported by several outlets in their own words and
 * quoting the same spokesperson. Generated here (no real text); deterministic in the seed.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '@parallax/core';
import type { Store } from '@parallax/store';
import { type ProcessedDocument, processDocument } from '../src/stages';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
const TOPICS = [
  ['bridge', 'collapsed', 'engineers', 'inspection', 'river'],
  ['factory', 'strike', 'workers', 'wages', 'union'],
  ['flood', 'rainfall', 'residents', 'evacuation', 'valley'],
  ['election', 'ballots', 'turnout', 'candidates', 'council'],
  ['hospital', 'outbreak', 'patients', 'vaccine', 'clinic'],
  ['harbour', 'cargo', 'ships', 'tariffs', 'port'],
  ['school', 'teachers', 'pupils', 'funding', 'district'],
  ['wildfire', 'firefighters', 'forest', 'drought', 'hills'],
];
const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Wire', 'City Herald', 'Coast Times'];

/** An invented word of `n` consonant-vowel syllables (18 × 5 per syllable: stems rarely meet). */
const word = (r: () => number, n: number) => {
  let w = '';
  for (let i = 0; i < n; i++) {
    w += CONSONANTS[Math.floor(r() * CONSONANTS.length)];
    w += VOWELS[Math.floor(r() * VOWELS.length)];
  }
  return w;
};
const name = (r: () => number) => {
  const w = word(r, 4);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

interface SyntheticStory {
  /** One text per report of the story. */
  texts: string[];
  publishedAt: string;
}

/** Story `index`: `reports` texts about one invented event on one day. */
function syntheticStory(index: number, reports = 3, seed = 1): SyntheticStory {
  const r = rng(seed * 7919 + index * 104729 + 17);
  const [thing, verb, people, detail, place] = TOPICS[index % TOPICS.length] as string[];
  const town = name(r);
  const official = `${name(r)} ${name(r)}`;
  const agency = `${name(r)} Authority`;
  const count = 10 + Math.floor(r() * 900);
  const money = 1 + Math.floor(r() * 90);
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000 * 0.37);
  const quote = `We will not rest until every ${detail} in ${town} is finished and the ${people} are safe`;
  const texts = Array.from({ length: reports }, (_, k) => {
    const rr = rng(seed * 31 + index * 131 + k * 7 + 3);
    const filler = Array.from(
      { length: 4 },
      () =>
        `${name(rr)} residents said the ${place} near ${town} had seen ${word(rr, 3)} and ${word(rr, 3)}.`,
    ).join(' ');
    return [
      `${town} ${thing} ${verb}, ${count} ${people} affected`,
      '',
      `The ${thing} in ${town} ${verb} on ${day.toISOString().slice(0, 10)}, the ${agency} said, and ${count} ${people} were affected by the ${detail}.`,
      `"${quote}," said ${official}, the spokesperson of the ${agency}.`,
      `Officials in ${town} put the cost at ${money} million, and the ${agency} promised a full ${detail}.`,
      filler,
      `${official} told the ${OUTLETS[k % OUTLETS.length]} that ${people} near the ${place} would be informed.`,
    ].join('\n');
  });
  return { texts, publishedAt: day.toISOString() };
}

const bodies = new WeakMap<ProcessedDocument, string>();

/** The documents of stories [from, to), `reports` each, processed as the pipeline does. */
export function syntheticDocuments(from: number, to: number, reports = 3, seed = 1): ProcessedDocument[] {
  const out: ProcessedDocument[] = [];
  for (let i = from; i < to; i++) {
    const story = syntheticStory(i, reports, seed);
    story.texts.forEach((text, k) => {
      const url = `https://news${k}.example/${seed}/${i}`;
      const body = text;
      const sha256 = createHash('sha256').update(body).digest('hex');
      const doc = processDocument({
        meta: {
          source: OUTLETS[k % OUTLETS.length] as string,
          kind: 'outlet',
          url,
          lang: 'en',
          publishedAt: story.publishedAt,
        },
        body,
        format: 'text',
        snapshotSha256: sha256,
      });
      bodies.set(doc, body);
      out.push(doc);
    });
  }
  return out;
}

/** Saves the documents (and a snapshot for each) as a run would. */
export async function saveDocuments(store: Store, documents: readonly ProcessedDocument[]): Promise<void> {
  for (const doc of documents) {
    const body = new TextEncoder().encode(bodies.get(doc) ?? '');
    const snapshot: Snapshot = {
      sha256: doc.ref.snapshotSha256,
      url: doc.ref.url,
      finalUrl: doc.ref.url,
      redirects: [],
      status: 200,
      headers: {},
      contentType: 'text/plain',
      fetchedAt: doc.ref.publishedAt ?? '2020-01-01T00:00:00.000Z',
      byteLength: body.byteLength,
    };
    await store.saveSnapshot(snapshot, body);
    await store.saveDocument(doc);
  }
}
