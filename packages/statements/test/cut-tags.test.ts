import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

describe('a tag cut by the end of the text', () => {
  it('credits the words to no fragment of a name where a stored excerpt stops mid-word', () => {
    const cut = 'Министр осмотрел новый мост.\n\n— Мост откроют весной, — сказал Ива';
    const [statement] = extractStatements(cut, { lang: 'ru', headlineEnd: 0 });
    expect(statement?.text).toBe('Мост откроют весной');
    expect(statement?.speaker).toBeNull();
    expect(statement?.source).toBeUndefined();
  });

  it('keeps a speaker named at the very end when the sentence is whole', () => {
    const [whole] = extractStatements('"The bridge opens in spring," said Ivanov.', {
      lang: 'en',
      headlineEnd: 0,
    });
    expect(whole?.speaker).toBe('Ivanov');
  });
});
