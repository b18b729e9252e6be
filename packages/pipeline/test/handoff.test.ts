import { describe, expect, it } from 'vitest';
import { HandoffCache } from '../src/fleet/handoff';

describe('HandoffCache', () => {
  it('hands a value over once with take, and keeps it for get', () => {
    const cache = new HandoffCache<string>(100);
    cache.put('a', 'A', 10);
    expect(cache.get('a')).toBe('A');
    expect(cache.take('a')).toBe('A');
    expect(cache.take('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('drops the oldest entries once the size bound is passed', () => {
    const cache = new HandoffCache<number>(100);
    for (let i = 0; i < 5; i++) cache.put(`k${i}`, i, 30);
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(90);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k4')).toBe(4);
  });

  it('replaces an entry under the same key without counting it twice, and keeps nothing too big', () => {
    const cache = new HandoffCache<string>(100);
    cache.put('a', 'first', 40);
    cache.put('a', 'second', 50);
    expect(cache.get('a')).toBe('second');
    expect(cache.bytes).toBe(50);
    cache.put('huge', 'x', 101);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe('second');
    cache.delete('a');
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});
