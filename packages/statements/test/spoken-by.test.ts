import { describe, expect, it } from 'vitest';
import { spokenBy } from '../src/index';

describe('spokenBy', () => {
  it('gives a pronoun’s resolution, and the label as written otherwise', () => {
    expect(spokenBy({ speaker: 'he', resolvedSpeaker: 'Joe Biden' })).toBe('Joe Biden');
    expect(spokenBy({ speaker: 'Она', resolvedSpeaker: 'Мария Захарова' })).toBe('Мария Захарова');
    // A named or described speaker is the page's own: never replaced by a guess.
    expect(spokenBy({ speaker: 'the ministry', resolvedSpeaker: 'Ministry of Foreign Affairs' })).toBe(
      'the ministry',
    );
    expect(spokenBy({ speaker: 'Peskov', resolvedSpeaker: 'Kremlin spokesman Dmitry Peskov' })).toBe(
      'Peskov',
    );
    // A description the page gives, resolved to someone, keeps its words beside the name.
    expect(spokenBy({ speaker: 'the spokesman', resolvedSpeaker: 'Dmitry Peskov' })).toBe(
      'the spokesman (Dmitry Peskov)',
    );
    // Words the page credits to no one at the spot take the speaker they were resolved to.
    expect(spokenBy({ speaker: null, resolvedSpeaker: 'Olaf Scholz' })).toBe('Olaf Scholz');
    // Unresolved, the pronoun stays; nothing at all, no speaker.
    expect(spokenBy({ speaker: 'she', resolvedSpeaker: null })).toBe('she');
    expect(spokenBy({ speaker: null, resolvedSpeaker: null })).toBeNull();
  });
});
