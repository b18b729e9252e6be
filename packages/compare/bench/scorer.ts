/**
 * Scores a comparison report against the hand-annotated gold of test/compare-devset (see its
 * GUIDELINES.md): alignment pairs, wrong merges, divergence types, verbatim, fact conflicts, copies and
 * the event partition. Pure: the bench turns the CLI's JSON report into a Prediction and sums the counts.
 */

interface GoldMember {
  file: string;
  /** An exact substring of the document text inside the rendition. */
  quote: string;
  /** Which occurrence of `quote` in the file (1-based) when it occurs more than once. */
  occurrence?: number;
  reference?: boolean;
  /** Expected divergence types against the reference; "a|b" accepts either. */
  types?: string[];
}

interface GoldStatement {
  id: string;
  members: GoldMember[];
}

interface GoldConflict {
  kind: string;
  subject: string;
  /** [file, value] pairs; values are numbers as written with a dot decimal, or ISO dates. */
  values: Array<[string, string]>;
}

export interface Gold {
  event: string;
  split: 'dev' | 'test';
  /** Files per event when the manifest mixes events; absent: all files are one event. */
  partition?: string[][];
  statements: GoldStatement[];
  copies: Record<string, string>;
  factConflicts: GoldConflict[];
}

export interface PredictedRendition {
  file: string;
  start: number;
  end: number;
  /** Divergence types against the statement's reference (empty for the reference itself). */
  types: string[];
}

interface PredictedStatement {
  /** The first rendition is the reference. */
  renditions: PredictedRendition[];
}

export interface Prediction {
  /** Files per predicted event. */
  events: string[][];
  statements: PredictedStatement[];
  /** copy file → original file */
  copies: Record<string, string>;
  factConflicts: Array<{ kind: string; values: Array<{ file: string; value: string }> }>;
}

/** Numerator/denominator pairs: summed over events before any ratio is taken. */
export interface Counts {
  members: number;
  membersFound: number;
  goldPairs: number;
  pairsFound: number;
  judgedPredictedPairs: number;
  wronglyMerged: number;
  unjudgedPredictedPairs: number;
  differing: number;
  differingRight: number;
  /** Differing pairs compared against an equivalent reference… */
  differingJudged: number;
  /** …that carry a misattributed, negation, number, date or place type the gold does not list. */
  differingSpurious: number;
  identical: number;
  identicalRight: number;
  goldConflicts: number;
  conflictsFound: number;
  predictedConflicts: number;
  predictedConflictsRight: number;
  goldCopies: number;
  copiesFound: number;
  predictedCopies: number;
  predictedCopiesRight: number;
  docPairs: number;
  docPairsAgreeing: number;
  partitions: number;
  partitionsExact: number;
}

export function emptyCounts(): Counts {
  return {
    members: 0,
    membersFound: 0,
    goldPairs: 0,
    pairsFound: 0,
    judgedPredictedPairs: 0,
    wronglyMerged: 0,
    unjudgedPredictedPairs: 0,
    differing: 0,
    differingRight: 0,
    differingJudged: 0,
    differingSpurious: 0,
    identical: 0,
    identicalRight: 0,
    goldConflicts: 0,
    conflictsFound: 0,
    predictedConflicts: 0,
    predictedConflictsRight: 0,
    goldCopies: 0,
    copiesFound: 0,
    predictedCopies: 0,
    predictedCopiesRight: 0,
    docPairs: 0,
    docPairsAgreeing: 0,
    partitions: 0,
    partitionsExact: 0,
  };
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += from[key];
  return into;
}

/** The span of a gold member in its document's text. */
function memberSpan(member: GoldMember, text: string): { start: number; end: number } {
  let at = -1;
  for (let n = 0; n < (member.occurrence ?? 1); n++) {
    at = text.indexOf(member.quote, at + 1);
    if (at < 0) throw new Error(`gold quote not found in ${member.file}: ${member.quote}`);
  }
  return { start: at, end: at + member.quote.length };
}

/**
 * A value as compared with the gold: a date as its ISO day, a number as its significant digits, so
 * that the gold's "200" (million dollars) meets the extracted 200000000 and "4.2" (billion) meets
 * 4200000000; "56,3%" and "56.3" are one value.
 */
export function canonicalValue(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d\d/.test(v)) return v.slice(0, 10);
  const m = v.replace(/(\d),(\d{3})(?!\d)/g, '$1$2').match(/\d+(?:[.,]\d+)?/);
  if (!m) return v.toLowerCase();
  return m[0].replace(',', '.').replace('.', '').replace(/^0+/, '').replace(/0+$/, '') || '0';
}

const TEXTUAL = new Set([
  'verbatim',
  'truncated',
  'elided',
  'extended',
  'reworded',
  'paraphrased',
  'translated',
]);

export { TEXTUAL };

interface Location {
  statement: number;
  index: number;
}

/**
 * Counts for one manifest. `texts` holds each file's text (gold quotes are located in it). A gold
 * member is found when a predicted rendition of its file overlaps its span by at least half of the
 * shorter of the two (each rendition and member matched once, best overlap first).
 */
export function scoreEvent(gold: Gold, texts: Map<string, string>, prediction: Prediction): Counts {
  const c = emptyCounts();

  // Members ↔ renditions.
  const members = gold.statements.flatMap((s, si) =>
    s.members.map((m, mi) => ({ s: si, m: mi, member: m, span: memberSpan(m, texts.get(m.file) ?? '') })),
  );
  const candidates: Array<{ g: number; loc: Location; score: number }> = [];
  members.forEach((gm, g) => {
    prediction.statements.forEach((ps, si) => {
      ps.renditions.forEach((r, ri) => {
        if (r.file !== gm.member.file) return;
        const overlap = Math.min(r.end, gm.span.end) - Math.max(r.start, gm.span.start);
        const shorter = Math.min(r.end - r.start, gm.span.end - gm.span.start);
        if (overlap > 0 && overlap >= 0.5 * shorter) {
          const union = Math.max(r.end, gm.span.end) - Math.min(r.start, gm.span.start);
          candidates.push({ g, loc: { statement: si, index: ri }, score: overlap / union });
        }
      });
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const found = new Map<number, Location>();
  const goldOf = new Map<string, number>();
  for (const { g, loc, score: _ } of candidates) {
    const key = `${loc.statement}:${loc.index}`;
    if (found.has(g) || goldOf.has(key)) continue;
    found.set(g, loc);
    goldOf.set(key, g);
  }
  c.members = members.length;
  c.membersFound = found.size;

  // Gold pairs found in one predicted statement.
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      if ((members[x] as (typeof members)[number]).s !== (members[y] as (typeof members)[number]).s) continue;
      c.goldPairs++;
      const lx = found.get(x);
      const ly = found.get(y);
      if (lx && ly && lx.statement === ly.statement) c.pairsFound++;
    }
  }

  // Predicted pairs: judged when both renditions are gold members.
  prediction.statements.forEach((ps, si) => {
    for (let x = 0; x < ps.renditions.length; x++) {
      for (let y = x + 1; y < ps.renditions.length; y++) {
        const gx = goldOf.get(`${si}:${x}`);
        const gy = goldOf.get(`${si}:${y}`);
        if (gx === undefined || gy === undefined) {
          c.unjudgedPredictedPairs++;
          continue;
        }
        c.judgedPredictedPairs++;
        if ((members[gx] as (typeof members)[number]).s !== (members[gy] as (typeof members)[number]).s)
          c.wronglyMerged++;
      }
    }
  });

  // Divergence types against a reference the gold agrees with: the gold reference or a member
  // verbatim to it.
  members.forEach((gm, g) => {
    const expected = gm.member.types;
    if (gm.member.reference || !expected) return;
    const identical = expected.length === 1 && expected[0] === 'verbatim';
    if (identical) c.identical++;
    else c.differing++;
    const loc = found.get(g);
    if (!loc) return;
    const statement = prediction.statements[loc.statement] as PredictedStatement;
    const refGold = goldOf.get(`${loc.statement}:0`);
    if (refGold === undefined) return;
    const ref = members[refGold] as (typeof members)[number];
    if (ref.s !== gm.s) return;
    const refIsEquivalent =
      ref.member.reference || (ref.member.types?.length === 1 && ref.member.types[0] === 'verbatim');
    let types: string[];
    if (loc.index === 0) {
      // The member is the predicted reference: only a verbatim pair reads the same both ways.
      if (!identical) return;
      const goldRef = members.findIndex((x) => x.s === gm.s && x.member.reference);
      const refLoc = found.get(goldRef);
      if (!refLoc || refLoc.statement !== loc.statement) return;
      types = statement.renditions[refLoc.index]?.types ?? [];
    } else {
      if (!refIsEquivalent) return;
      types = statement.renditions[loc.index]?.types ?? [];
    }
    if (identical) {
      if (types.length > 0 && types.every((t) => t === 'verbatim')) c.identicalRight++;
    } else {
      if (expected.every((alt) => alt.split('|').some((t) => types.includes(t)))) c.differingRight++;
      c.differingJudged++;
      const listed = new Set(expected.flatMap((alt) => alt.split('|')));
      if (types.some((t) => !TEXTUAL.has(t) && !listed.has(t))) c.differingSpurious++;
    }
  });

  // Fact conflicts: a predicted conflict matches a gold one of its kind when it carries two of the
  // gold's (file, value) entries with different values, across documents when the gold's are.
  const goldEntries = gold.factConflicts.map(
    (gc) => new Set(gc.values.map(([f, v]) => `${f}\u0000${canonicalValue(v)}`)),
  );
  const goldMatched = new Set<number>();
  c.goldConflicts = gold.factConflicts.length;
  c.predictedConflicts = prediction.factConflicts.length;
  for (const pc of prediction.factConflicts) {
    const entries = pc.values.map((v) => ({ file: v.file, value: canonicalValue(v.value) }));
    const match = gold.factConflicts.findIndex((gc, i) => {
      if (goldMatched.has(i) || gc.kind !== pc.kind) return false;
      const inGold = entries.filter((e) => (goldEntries[i] as Set<string>).has(`${e.file}\u0000${e.value}`));
      const acrossGold = new Set(gc.values.map(([f]) => f)).size > 1;
      return inGold.some((a) =>
        inGold.some((b) => a.value !== b.value && (!acrossGold || a.file !== b.file)),
      );
    });
    if (match >= 0) {
      goldMatched.add(match);
      c.predictedConflictsRight++;
    }
  }
  c.conflictsFound = goldMatched.size;

  // Copies.
  c.goldCopies = Object.keys(gold.copies).length;
  c.predictedCopies = Object.keys(prediction.copies).length;
  for (const [copy, original] of Object.entries(prediction.copies)) {
    if (gold.copies[copy] === original) c.predictedCopiesRight++;
  }
  c.copiesFound = c.predictedCopiesRight;

  // Event partition over document pairs.
  const files = [...texts.keys()];
  const partition = gold.partition ?? [files];
  const goldEvent = new Map(partition.flatMap((group, i) => group.map((f) => [f, i] as const)));
  const predictedEvent = new Map(prediction.events.flatMap((group, i) => group.map((f) => [f, i] as const)));
  for (let x = 0; x < files.length; x++) {
    for (let y = x + 1; y < files.length; y++) {
      const fx = files[x] as string;
      const fy = files[y] as string;
      c.docPairs++;
      if ((goldEvent.get(fx) === goldEvent.get(fy)) === (predictedEvent.get(fx) === predictedEvent.get(fy)))
        c.docPairsAgreeing++;
    }
  }
  c.partitions = 1;
  c.partitionsExact = c.docPairsAgreeing === c.docPairs ? 1 : 0;
  return c;
}

export interface Figures {
  membersFound: number;
  pairRecall: number;
  wronglyMerged: number;
  typeAccuracy: number;
  spuriousTypes: number;
  verbatimAccuracy: number;
  conflictRecall: number;
  conflictPrecision: number;
  copyRecall: number;
  copyPrecision: number;
  partitionPairs: number;
  partitionsExact: number;
}

const ratio = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);

export function figures(c: Counts): Figures {
  return {
    membersFound: ratio(c.membersFound, c.members),
    pairRecall: ratio(c.pairsFound, c.goldPairs),
    wronglyMerged: ratio(c.wronglyMerged, c.judgedPredictedPairs),
    typeAccuracy: ratio(c.differingRight, c.differing),
    spuriousTypes: ratio(c.differingSpurious, c.differingJudged),
    verbatimAccuracy: ratio(c.identicalRight, c.identical),
    conflictRecall: ratio(c.conflictsFound, c.goldConflicts),
    conflictPrecision: ratio(c.predictedConflictsRight, c.predictedConflicts),
    copyRecall: ratio(c.copiesFound, c.goldCopies),
    copyPrecision: ratio(c.predictedCopiesRight, c.predictedCopies),
    partitionPairs: ratio(c.docPairsAgreeing, c.docPairs),
    partitionsExact: ratio(c.partitionsExact, c.partitions),
  };
}
