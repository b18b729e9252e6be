import { sha256Hex } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { buildReport, processDocument } from '../src/index';

const doc = (name: string, publishedAt: string, body: string) =>
  processDocument({
    meta: { source: name, kind: 'outlet', url: `https://example.test/${name}`, publishedAt, lang: 'en' },
    body,
    format: 'text',
    snapshotSha256: sha256Hex(body),
  });

describe('buildReport: statements across the run', () => {
  // Two pages weeks apart (never one event cluster) that quote one minister's sentence.
  const first = doc(
    'harbour-daily',
    '2025-03-01T08:00:00Z',
    'Harbour dredging contract signed\n\nThe port authority of Velmora signed a dredging contract with a Dutch firm on Friday. Work on the northern quay starts in April.\n\n“We will never let the northern quay silt up again,” Transport Minister Ilse Marr told reporters.',
  );
  const second = doc(
    'coast-weekly',
    '2025-04-20T08:00:00Z',
    'Fishermen protest new quay fees\n\nDozens of trawlers blocked the channel at Velmora on Sunday over mooring fees that rose by a third this spring.\n\nTransport Minister Ilse Marr had promised in March: “We will never let the northern quay silt up again.”',
  );

  it('puts every rendition of one utterance in one statement, and the two clusters in one story', () => {
    const report = buildReport([first, second], new Date('2025-05-01T00:00:00Z'));
    expect(report.events).toHaveLength(1);
    const [story] = report.events;
    // The two pages stay apart as occasions of the story.
    expect(story?.occasions?.map((o) => o.length)).toEqual([1, 1]);
    const quoted = story?.statements.filter((s) =>
      s.renditions.some((r) => r.text.includes('silt up again')),
    );
    expect(quoted).toHaveLength(1);
    expect(quoted?.[0]?.renditions).toHaveLength(2);
  });

  it('keeps a page that shares no statement and few words with the story apart', () => {
    const other = doc(
      'farm-news',
      '2025-04-20T09:00:00Z',
      'Orchard growers expect a late harvest\n\nCold nights in April delayed blossom across the valley, growers said.\n\n“We will pick two weeks later than usual,” said grower Tomas Reyl.',
    );
    const report = buildReport([first, second, other], new Date('2025-05-01T00:00:00Z'));
    expect(report.events.map((e) => e.documents.length).sort()).toEqual([1, 2]);
  });

  it('gives the same report whatever order the documents arrive in (a fleet reads them in store order)', () => {
    const rewrite = doc(
      'valley-post',
      '2025-03-01T11:00:00Z',
      'Velmora signs quay dredging deal\n\nVelmora’s port authority has signed a contract with a Dutch dredging firm, officials said on Friday.\n\nMinister Ilse Marr said the northern quay would “never silt up again”.',
    );
    const undated = processDocument({
      meta: { source: 'undated-blog', kind: 'outlet', url: 'https://example.test/undated-blog', lang: 'en' },
      body: 'Dredging at Velmora\n\n“We will never let the northern quay silt up again,” the minister, Ilse Marr, said on Friday.',
      format: 'text',
      snapshotSha256: sha256Hex('undated-blog'),
    });
    const all = [first, second, rewrite, undated];
    const now = new Date('2025-05-01T00:00:00Z');
    const expected = JSON.stringify(buildReport(all, now));
    for (const order of [
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ]) {
      expect(
        JSON.stringify(
          buildReport(
            order.map((i) => all[i] as (typeof all)[number]),
            now,
          ),
        ),
      ).toBe(expected);
    }
  });
});

describe('buildReport: one utterance, whichever of its sentences an outlet quotes', () => {
  const report = buildReport(
    [
      doc(
        'harbour-daily',
        '2025-03-01T08:00:00Z',
        'Quay contract signed\n\nThe port authority of Velmora signed a dredging contract on Friday.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it. Today we signed the contract that will finally dredge the whole northern basin by next spring,” Transport Minister Ilse Marr told reporters.',
      ),
      doc(
        'coast-weekly',
        '2025-03-01T10:00:00Z',
        'Velmora to dredge northern basin\n\n“Today we signed the contract that will finally dredge the whole northern basin by next spring,” Minister Ilse Marr said.\n\nThe contract is worth four million euros. Marr recalled the years of silting.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it,” she said.',
      ),
      doc(
        'valley-post',
        '2025-03-01T12:00:00Z',
        'Minister on the quay\n\nThe minister spoke at the port on Friday.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it,” Ilse Marr said.',
      ),
    ],
    new Date('2025-05-01T00:00:00Z'),
  );
  const statements = report.events.flatMap((e) => e.statements);

  it('lines up a two-sentence quotation with the outlets that quote either sentence, in one statement', () => {
    const quay = statements.filter((s) =>
      s.renditions.some((r) => r.text.includes('neglected') || r.text.includes('whole northern basin')),
    );
    expect(quay).toHaveLength(1);
    expect(quay[0]?.renditions.map((r) => r.text.length).sort((a, b) => b - a)[0]).toBeGreaterThan(150);
    expect(new Set(quay[0]?.renditions.map((r) => r.documentId)).size).toBe(3);
  });

  it('keeps the quotation whole in the report: one rendition per quotation, never its sentences', () => {
    const quay = statements.find((s) => s.renditions.some((r) => r.text.includes('neglected')));
    const full = quay?.renditions.filter((r) => r.text.includes('neglected') && r.text.includes('dredge'));
    expect(full).toHaveLength(1);
  });
});

describe('buildReport: an outlet that gives one sentence of an utterance to someone else', () => {
  const report = buildReport(
    [
      doc(
        'harbour-daily',
        '2025-03-01T08:00:00Z',
        'Quay contract signed\n\nThe port authority of Velmora signed a dredging contract on Friday.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it. Today we signed the contract that will finally dredge the whole northern basin by next spring,” Transport Minister Ilse Marr told reporters.',
      ),
      doc(
        'coast-weekly',
        '2025-03-01T10:00:00Z',
        'Velmora to dredge northern basin\n\n“Today we signed the contract that will finally dredge the whole northern basin by next spring,” Minister Ilse Marr said.',
      ),
      doc(
        'valley-post',
        '2025-03-01T12:00:00Z',
        'Mayor on the quay\n\nThe mayor spoke at the port on Friday.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it,” Mayor Tomas Brenn said.',
      ),
    ],
    new Date('2025-05-01T00:00:00Z'),
  );
  const statements = report.events.flatMap((e) => e.statements);

  it('keeps the utterance one statement: the misattributing rendition is a finding of it, not a wall', () => {
    const quay = statements.filter((s) =>
      s.renditions.some((r) => r.text.includes('neglected') || r.text.includes('whole northern basin')),
    );
    expect(quay).toHaveLength(1);
    expect(new Set(quay[0]?.renditions.map((r) => r.documentId)).size).toBe(3);
    expect(quay[0]?.divergences.map((d) => d.type)).toContain('misattributed');
  });
});
