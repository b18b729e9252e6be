import { nameStem } from '@parallax/normalize';
import { describe, expect, it } from 'vitest';
import {
  clusterEvents,
  defaultMinSimilarity,
  type EventDocument,
  findCopies,
  groupEvents,
  nameKeys,
} from '../src/index';
import {
  amp,
  broadcaster,
  councilHumanitarian,
  councilZaporizhzhia,
  forum,
  syndicated,
  wire,
} from './fixtures/coverage';

const bloomberg: EventDocument = {
  id: 'bloomberg',
  publishedAt: '2024-09-02T08:00:00Z',
  text: `Putin Lands in Mongolia Despite ICC Arrest Warrant

Russian President Vladimir Putin arrived in Ulaanbaatar on Monday evening for talks with Mongolian President Khurelsukh Ukhnaa, his first visit to a member of the International Criminal Court since it issued a warrant for his arrest. The Kremlin said it had no concerns about the trip.`,
};

const interfax: EventDocument = {
  id: 'interfax',
  publishedAt: '2024-09-02T10:30:00Z',
  text: `Путин прибыл в Монголию с официальным визитом

Президент России Владимир Путин прибыл в Улан-Батор, где проведёт переговоры с президентом Монголии Ухнагийном Хурэлсухом. Пресс-секретарь Кремля Дмитрий Песков заявил, что у Кремля нет опасений по поводу ордера МУС.`,
};

const unuudur: EventDocument = {
  id: 'unuudur',
  publishedAt: '2024-09-03T01:00:00Z',
  text: `ОХУ-ын Ерөнхийлөгч Путин Монголд айлчилж байна

ОХУ-ын Ерөнхийлөгч Владимир Путин Улаанбаатар хотод хүрэлцэн ирж, Монгол Улсын Ерөнхийлөгч Ухнаагийн Хүрэлсүхтэй уулзав.`,
};

const courtRuling: EventDocument = {
  id: 'court',
  publishedAt: '2024-09-03T12:00:00Z',
  text: `Supreme Court Upholds Texas Abortion Restrictions

The Supreme Court of the United States on Tuesday upheld a Texas law restricting abortion, with Justice Samuel Alito writing for the majority. Attorney General Ken Paxton welcomed the ruling in Austin.`,
};

/** The same protagonists three weeks later: a different occurrence. */
const moscowVisit: EventDocument = {
  id: 'moscow-visit',
  publishedAt: '2024-09-24T09:00:00Z',
  text: `Putin Hosts Mongolian President in Moscow

Russian President Vladimir Putin hosted Mongolian President Khurelsukh Ukhnaa at the Kremlin on Tuesday, three weeks after his trip to Ulaanbaatar, to discuss the Power of Siberia 2 pipeline.`,
};

/** Groups as sorted sets, so that the assertion does not depend on the order groups come out in. */
function normalised(groups: string[][]): string[][] {
  return groups.map((g) => [...g].sort()).sort((x, y) => (x[0] as string).localeCompare(y[0] as string));
}

describe('nameKeys', () => {
  it('meets Cyrillic names and their English spellings on a five-letter Latin prefix', () => {
    const en = nameKeys(bloomberg.text);
    const ru = nameKeys(interfax.text);
    for (const key of ['putin', 'vladi', 'khure', 'ukhna', 'mungu', 'kreml'].map(nameStem)) {
      expect(en.has(key)).toBe(true);
      expect(ru.has(key)).toBe(true);
    }
  });

  it('skips capitalised function words and weekdays', () => {
    const keys = nameKeys('The talks ended. However, Tuesday brought news from Ulaanbaatar.');
    expect([...keys]).toEqual([nameStem('Ulaanbaatar')]);
  });
});

describe('clusterEvents', () => {
  it('joins reports of one event in English, Russian and Mongolian and keeps an unrelated story apart', () => {
    const groups = clusterEvents([bloomberg, courtRuling, interfax, unuudur]);
    expect(normalised(groups)).toEqual([['bloomberg', 'interfax', 'unuudur'], ['court']]);
  });

  it('keeps two occurrences with the same protagonists apart when published three weeks apart', () => {
    expect(normalised(clusterEvents([bloomberg, moscowVisit]))).toEqual([['bloomberg'], ['moscow-visit']]);
    // Undated, only their content can separate them, and the two visits share most of their names.
    const undated = [bloomberg, moscowVisit].map((d) => ({ ...d, publishedAt: null }));
    expect(normalised(clusterEvents(undated))).toEqual([['bloomberg', 'moscow-visit']]);
  });

  it('keeps a follow-up speech two days later apart from the visit it follows', () => {
    const groups = clusterEvents([wire, broadcaster, forum]);
    expect(normalised(groups)).toEqual([['broadcaster', 'wire'], ['forum']]);
  });

  it('keeps two meetings of the Security Council on Ukraine a week apart as two events', () => {
    const groups = clusterEvents([councilHumanitarian, councilZaporizhzhia, wire]);
    expect(normalised(groups)).toEqual([['council-humanitarian'], ['council-zaporizhzhia'], ['wire']]);
  });

  it('puts the whole neighbourhood in the right events at once', () => {
    const all = [wire, syndicated, amp, broadcaster, forum, councilHumanitarian, councilZaporizhzhia];
    expect(normalised(clusterEvents(all))).toEqual([
      ['amp', 'broadcaster', 'syndicated', 'wire'],
      ['council-humanitarian'],
      ['council-zaporizhzhia'],
      ['forum'],
    ]);
  });

  it('returns every document exactly once, and nothing for no documents', () => {
    const groups = clusterEvents([bloomberg, courtRuling, interfax, unuudur, moscowVisit]);
    expect(groups.flat().sort()).toEqual(['bloomberg', 'court', 'interfax', 'moscow-visit', 'unuudur']);
    expect(clusterEvents([])).toEqual([]);
  });

  it('survives empty and punctuation-only documents', () => {
    const odd: EventDocument[] = [
      { id: 'empty', text: '' },
      { id: 'dots', text: '… — … !!! ???' },
      { id: 'bad-date', text: bloomberg.text, publishedAt: 'not a date' },
    ];
    expect(normalised(clusterEvents([...odd, bloomberg]))).toEqual([
      ['bad-date', 'bloomberg'],
      ['dots'],
      ['empty'],
    ]);
  });

  it('uses one similarity bar at every batch size', () => {
    expect(defaultMinSimilarity(9)).toBe(defaultMinSimilarity(1000));
    expect(defaultMinSimilarity(60)).toBe(defaultMinSimilarity(400));
  });
});

describe('findCopies and groupEvents: copies are not independent sources', () => {
  it('marks the syndicated copy and the AMP mirror as copies of the wire story', () => {
    const { events, copyOf } = groupEvents([wire, syndicated, amp, broadcaster]);
    expect(Object.fromEntries(copyOf)).toEqual({ syndicated: 'wire', amp: 'wire' });
    expect(normalised(events)).toEqual([['amp', 'broadcaster', 'syndicated', 'wire']]);
  });

  it('does not take an independent report of the same facts for a copy', () => {
    expect(findCopies([wire, broadcaster]).size).toBe(0);
    expect(findCopies([wire, forum, councilHumanitarian]).size).toBe(0);
  });

  it('takes the earliest publication as the original, and an official document before any', () => {
    const earlier = { ...syndicated, publishedAt: '2024-09-03T07:00:00Z' };
    expect(Object.fromEntries(findCopies([wire, earlier]))).toEqual({ wire: 'syndicated' });
    const official = {
      ...amp,
      id: 'official',
      kind: 'official' as const,
      publishedAt: '2024-09-03T12:00:00Z',
    };
    expect(Object.fromEntries(findCopies([wire, official]))).toEqual({ wire: 'official' });
  });

  it('does not call two short texts copies because a phrase recurs', () => {
    const a = { id: 'a', text: 'Putin arrives in Ulaanbaatar despite ICC arrest warrant' };
    const b = { id: 'b', text: 'Putin arrives in Ulaanbaatar despite ICC arrest warrant, Kremlin says' };
    expect(findCopies([a, b]).size).toBe(0);
  });
});

describe('groupEvents at any batch size', () => {
  it('keeps many copies of one report in one event, past any bucket cap', () => {
    const text =
      'Ferry service resumes\n\nThe ferry between Orsk Point and the island of Tamry resumed on Monday after three weeks of repairs to the landing ramp, the operator said. Crossings run every two hours, and the first boat carried forty passengers and a delivery van. “We thank islanders for their patience,” harbour master Jonas Vell said.';
    const docs = Array.from({ length: 700 }, (_, i) => ({
      id: `copy-${i}`,
      text,
      publishedAt: '2025-06-02T09:00:00Z',
    }));
    const grouping = groupEvents(docs);
    expect(grouping.events).toHaveLength(1);
    expect(grouping.copyOf.size).toBe(699);
  });
});
