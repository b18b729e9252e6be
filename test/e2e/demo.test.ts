import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AlignedStatement, type DivergenceType, type Event, Report } from '@parallax/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CORPUS, runCli } from '../harness/cli';

/**
 * The README's demo, end to end: a loopback replay server, real HTTP fetches, PGlite on disk, the
 * three report files. Then every divergence planted in the corpus must come out aligned to one
 * statement and typed right, and every planted fact conflict must be reported.
 */
describe('parallax demo', () => {
  const work = mkdtempSync(join(tmpdir(), 'parallax-demo-'));
  const out = join(work, 'reports');
  let result: CliResult;
  let report: Report;
  let event: Event;
  const manifest: Array<{ file: string; source: string; url: string }> = JSON.parse(
    readFileSync(join(CORPUS, 'manifest.json'), 'utf8'),
  );

  beforeAll(async () => {
    result = await runCli(['demo', '--out', out, '--data-dir', join(work, 'data')]);
    const files = existsSync(out) ? readdirSync(out) : [];
    const json = files.find((f) => f.endsWith('.json'));
    if (json) report = Report.parse(JSON.parse(readFileSync(join(out, json), 'utf8')));
    event = report?.events[0] as Event;
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exits 0 and prints the summary with where the reports are', () => {
    expect(result.stderr).not.toMatch(/PARALLAX_/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/events:\s+1/);
    expect(result.stdout).toMatch(/documents:\s+9/);
    expect(result.stdout).toContain(out);
  });

  it('writes <event-id>.md, .html and .json, and the JSON validates against the Report schema', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual([`${event.id}.html`, `${event.id}.json`, `${event.id}.md`]);
    expect(report.schemaVersion).toBe(1);
  });

  it('puts all nine documents in one event, each with the manifest’s url and a snapshot hash', () => {
    expect(report.events).toHaveLength(1);
    expect(event.documents.map((d) => d.url).sort()).toEqual(manifest.map((m) => m.url).sort());
    for (const d of event.documents) expect(d.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  const docId = (source: string) => {
    const doc = event.documents.find((d) => d.source === source);
    if (!doc) throw new Error(`no document from ${source}`);
    return doc.id;
  };

  /** The one aligned statement in which `source` renders words containing `fragment`. */
  function statementWith(source: string, fragment: string): AlignedStatement {
    const id = docId(source);
    const matches = event.statements.filter((s) =>
      s.renditions.some((r) => r.documentId === id && r.text.includes(fragment)),
    );
    expect(matches, `statements of ${source} containing “${fragment}”`).toHaveLength(1);
    return matches[0] as AlignedStatement;
  }

  function expectDivergence(
    statement: AlignedStatement,
    type: DivergenceType,
    aSource: string,
    bSource: string,
  ) {
    const found = statement.divergences.filter(
      (d) => d.type === type && d.a === docId(aSource) && d.b === docId(bSource),
    );
    expect(
      found,
      `${type} ${aSource} → ${bSource} in ${JSON.stringify(statement.divergences.map((d) => [d.type, d.a, d.b]))}`,
    ).toHaveLength(1);
  }

  it('types the Bloomberg cut of the Ukrainian ministry’s call as truncated against the ministry’s own page', () => {
    const s = statementWith('Ministry of Foreign Affairs of Ukraine', 'We call on the Mongolian side');
    expect(s.renditions.map((r) => r.documentId)).toContain(docId('Bloomberg'));
    expectDivergence(s, 'truncated', 'Ministry of Foreign Affairs of Ukraine', 'Bloomberg');
  });

  it('types the Kyiv Independent’s “a duty” for the ICC’s “the obligation” as reworded', () => {
    const s = statementWith('International Criminal Court', 'have the obligation to cooperate');
    expectDivergence(s, 'reworded', 'International Criminal Court', 'The Kyiv Independent');
    const reworded = s.divergences.find((d) => d.type === 'reworded');
    expect(reworded?.diff).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: 'the obligation' },
        { op: 'insert', text: 'a duty' },
      ]),
    );
  });

  it('types the Kyiv Independent’s quotation of what Putin did not say in those words as paraphrased', () => {
    const s = statementWith('President of Russia', 'supplying Russian gas to Mongolian consumers');
    expectDivergence(s, 'paraphrased', 'President of Russia', 'The Kyiv Independent');
    // The aggregator's reported speech of the same answer is a paraphrase too, and is not a quote.
    expectDivergence(s, 'paraphrased', 'President of Russia', 'Aggregator (seed story)');
  });

  it('types Peskov’s words credited to Ushakov as misattributed, in one aligned statement', () => {
    const s = statementWith('Bloomberg', 'wonderful dialogue with our friends from Mongolia');
    expect(s.renditions.map((r) => r.speakerLabel).sort()).toEqual([
      'Kremlin aide Yuri Ushakov',
      'Kremlin spokesman Dmitry Peskov',
    ]);
    expectDivergence(s, 'misattributed', 'Bloomberg', 'The Kyiv Independent');
  });

  it('types the aggregator’s reported speech of the embassy’s quotation as paraphrased', () => {
    const s = statementWith('U.S. Embassy in Mongolia', 'should not be given a platform');
    expectDivergence(s, 'paraphrased', 'U.S. Embassy in Mongolia', 'Aggregator (seed story)');
  });

  it('aligns Unuudur’s Mongolian rendering with the Kremlin transcript as translated', () => {
    const s = statementWith('Өнөөдөр (Unuudur)', '50 тэрбум шоо метр');
    expect(s.renditions[0]?.text).toContain('50 billion cubic metres');
    expectDivergence(s, 'translated', 'President of Russia', 'Өнөөдөр (Unuudur)');
  });

  it('reports the ICC membership count 124 vs 125 as a number conflict', () => {
    const conflict = event.factConflicts.find((c) => c.kind === 'number' && c.subject === 'member state');
    const values = new Map(conflict?.values.map((v) => [v.documentId, v.value]));
    expect(values.get(docId('The Kyiv Independent'))).toBe('125');
    expect(values.get(docId('Bloomberg'))).toBe('124');
    expect(values.get(docId('Aggregator (seed story)'))).toBe('124');
  });

  it('reports the date of the talks stated differently', () => {
    const conflict = event.factConflicts.find((c) => c.kind === 'date' && c.subject === 'talks');
    expect(conflict?.values.map((v) => [v.documentId, v.value]).sort()).toEqual(
      [
        [docId('Office of the President of Mongolia'), '2024-09-03'],
        [docId('The Kyiv Independent'), '2024-09-04'],
      ].sort(),
    );
  });

  it('reports the seed’s headline Kyzyl/Tuva against its body’s Mongolia, with offsets into the document', () => {
    const conflict = event.factConflicts.find((c) => c.kind === 'place');
    expect(conflict?.values.map((v) => v.value)).toEqual(['Kyzyl', 'Tuva', 'Mongolia']);
    const seed = readFileSync(join(CORPUS, 'seed.txt'), 'utf8');
    for (const v of conflict?.values ?? []) {
      expect(v.documentId).toBe(docId('Aggregator (seed story)'));
      expect(seed.slice(v.start, v.end)).toBe(v.text);
    }
  });

  it('reports no fact conflict that was not planted', () => {
    expect(event.factConflicts.map((c) => `${c.kind}:${c.subject}`).sort()).toEqual(
      ['date:talks', 'number:member state', 'place:location: headline vs body'].sort(),
    );
  });

  it('reports no divergence type that was not planted (no number, date, place or negation inside statements)', () => {
    // The corpus plants its number, date and place disagreements between documents (fact conflicts
    // above), not inside one aligned statement; partial renditions of a longer original that name
    // Mongolia where the original names Ulaanbaatar must not be reported as place changes.
    const types = new Set(event.statements.flatMap((s) => s.divergences.map((d) => d.type)));
    for (const type of ['number', 'date', 'place', 'negation'] as const)
      expect(types.has(type), type).toBe(false);
  });

  it('writes an HTML report that names every planted divergence type', () => {
    const html = readFileSync(join(out, `${event.id}.html`), 'utf8');
    for (const type of ['truncated', 'reworded', 'paraphrased', 'misattributed', 'translated'])
      expect(html).toContain(type);
  });

  it('is idempotent: a second run over the same store writes the same report id', async () => {
    const again = await runCli(['demo', '--out', out, '--data-dir', join(work, 'data'), '--format', 'json']);
    expect(again.code).toBe(0);
    const id = (s: string) => s.match(/report (report_[0-9a-f]+)/)?.[1];
    expect(id(again.stdout)).toBeDefined();
    expect(id(again.stdout)).toBe(id(result.stdout));
  }, 120_000);
});
