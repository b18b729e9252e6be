import { describe, expect, it } from 'vitest';
import { clusterEvents, type EventDocument, nameKeys } from '../src/index';

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
    for (const key of ['putin', 'vladi', 'khure', 'ukhna', 'mongo', 'kreml']) {
      expect(en.has(key)).toBe(true);
      expect(ru.has(key)).toBe(true);
    }
  });

  it('skips capitalised function words and weekdays', () => {
    const keys = nameKeys('The talks ended. However, Tuesday brought news from Ulaanbaatar.');
    expect([...keys]).toEqual(['ulaan']);
  });
});

describe('clusterEvents', () => {
  it('joins reports of one event in English, Russian and Mongolian and keeps an unrelated story apart', () => {
    const groups = clusterEvents([bloomberg, courtRuling, interfax, unuudur]);
    expect(normalised(groups)).toEqual([['bloomberg', 'interfax', 'unuudur'], ['court']]);
  });

  it('keeps two occurrences with the same names apart when published three weeks apart', () => {
    expect(normalised(clusterEvents([bloomberg, moscowVisit]))).toEqual([['bloomberg'], ['moscow-visit']]);
    // The publication window is what separates them: widened, the shared names join them.
    expect(normalised(clusterEvents([bloomberg, moscowVisit], { windowDays: 30 }))).toEqual([
      ['bloomberg', 'moscow-visit'],
    ]);
  });

  it('links documents without a publication date on their names alone', () => {
    const undated = { ...moscowVisit, publishedAt: null };
    expect(normalised(clusterEvents([bloomberg, undated]))).toEqual([['bloomberg', 'moscow-visit']]);
  });

  it('needs the minimum number of shared names', () => {
    const brief: EventDocument = {
      id: 'brief',
      publishedAt: '2024-09-02T09:00:00Z',
      text: 'Putin said the Kremlin would respond to sanctions from Brussels.',
    };
    expect(normalised(clusterEvents([bloomberg, brief]))).toEqual([['bloomberg'], ['brief']]);
    expect(normalised(clusterEvents([bloomberg, brief], { minShared: 2 }))).toEqual([['bloomberg', 'brief']]);
  });

  it('returns every document exactly once, and nothing for no documents', () => {
    const groups = clusterEvents([bloomberg, courtRuling, interfax, unuudur, moscowVisit]);
    expect(groups.flat().sort()).toEqual(['bloomberg', 'court', 'interfax', 'moscow-visit', 'unuudur']);
    expect(clusterEvents([])).toEqual([]);
  });
});
