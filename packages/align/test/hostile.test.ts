import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { alignStatements, groupEvents } from '../src/index';

/**
 * Hostile and broken input, generated from a fixed seed so that a failure reproduces: arbitrary code
 * points (controls, bidi overrides, lone surrogates, NUL), names in two scripts, figures, elision
 * marks, empty texts, unparseable dates.
 */
function generator(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(random() * n);
  const PIECES = [
    'Putin',
    'Путин',
    'Ulaanbaatar',
    'Улаанбаатар',
    '124',
    '1,500',
    '[…]',
    '…',
    '...',
    '\u202e',
    '\u0000',
    '“',
    '—',
    '\n\n',
    '[Russia’s – ed.]',
    'the',
    'warrant',
  ];
  const piece = () => {
    if (random() < 0.5) return PIECES[int(PIECES.length)] as string;
    return Array.from({ length: int(8) }, () => String.fromCharCode(int(0xffff))).join('');
  };
  const text = () => Array.from({ length: int(30) }, piece).join(random() < 0.5 ? ' ' : '');
  const date = () => {
    const r = random();
    if (r < 0.3) return null;
    if (r < 0.5) return piece();
    return new Date(Date.UTC(2024, 0, 1) + int(400) * 86_400_000).toISOString();
  };
  return { random, int, text, date };
}

describe('events and alignment on hostile input', () => {
  it('groupEvents never throws and puts every document in exactly one event; copies point inside the batch', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const g = generator(seed);
      const input = Array.from({ length: g.int(12) }, (_, i) => ({
        id: `d${i}`,
        text: g.text(),
        publishedAt: g.date(),
      }));
      // Duplicates: the same hostile text twice is a copy, whatever it holds.
      if (input.length > 0 && g.random() < 0.5)
        input.push({ ...(input[0] as (typeof input)[number]), id: 'dup' });
      const { events, copyOf } = groupEvents(input);
      expect(events.flat().sort()).toEqual(input.map((d) => d.id).sort());
      for (const [copy, original] of copyOf) {
        expect(copy).not.toBe(original);
        expect(input.some((d) => d.id === original)).toBe(true);
      }
    }
  });

  it('alignStatements never throws, returns every statement once, and each group’s reference is its own', () => {
    const KINDS: Statement['kind'][] = ['direct', 'partial', 'indirect'];
    const LANGS = ['en', 'ru', 'mn', ''];
    for (let seed = 1; seed <= 150; seed++) {
      const g = generator(seed);
      let n = 0;
      const input = Array.from({ length: g.int(6) }, (_, d) => ({
        id: `doc${d}`,
        kind: d === 0 ? ('official' as const) : ('outlet' as const),
        lang: 'en',
        statements: Array.from({ length: g.int(5) }, () => {
          const text = g.text();
          return {
            id: `s${n++}`,
            text,
            kind: KINDS[g.int(3)] as Statement['kind'],
            speaker: g.random() < 0.3 ? null : g.text(),
            resolvedSpeaker: null,
            cue: null,
            lang: LANGS[g.int(4)] as string,
            start: 0,
            end: text.length,
          };
        }),
      }));
      const groups = alignStatements(input);
      const ids = groups.flatMap((group) => group.renditions.map((r) => r.statement.id)).sort();
      expect(ids).toEqual(input.flatMap((d) => d.statements.map((s) => s.id)).sort());
      for (const group of groups) expect(group.renditions[group.reference]).toBeDefined();
    }
  });
});
