import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/index';

describe('isoDate, the one date reader of pages, feeds and sitemaps', () => {
  it('reads ISO 8601, W3C dates (midnight UTC), and RFC 822', () => {
    expect(isoDate('2024-09-03T14:40:00+08:00')).toBe('2024-09-03T06:40:00.000Z');
    expect(isoDate(' 2024-09-02 ')).toBe('2024-09-02T00:00:00.000Z');
    expect(isoDate('Mon, 02 Sep 2024 10:00:00 GMT')).toBe('2024-09-02T10:00:00.000Z');
    expect(isoDate('Mon, 02 Sep 24 10:00:00 GMT')).toBe('2024-09-02T10:00:00.000Z');
  });

  it('refuses what is not a date, numbers without a year, and years out of range', () => {
    for (const value of [
      undefined,
      null,
      '',
      '   ',
      'yesterday',
      '12',
      '5 minutes ago',
      '1850-01-01',
      'x 2024 y',
    ]) {
      expect(isoDate(value)).toBeNull();
    }
  });
});
