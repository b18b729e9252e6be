import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingTranslators, setApertium, translateToEnglish, translatorPackages } from '../src/index';

// Apertium and its Debian language pairs (scripts/bootstrap.sh installs them on the test path).
const MODES = '/usr/share/apertium/modes';
const restore = () => setApertium({ modes: MODES, command: 'apertium' });

describe('machine translation into English (Apertium)', () => {
  afterEach(restore);

  it('translates Spanish statements, one result per text and in order', () => {
    restore();
    const [first, empty, second] = translateToEnglish(
      ['El ministro dijo que las negociaciones\nfueron muy difíciles.', '  ', 'Nuestros aliados nos apoyan.'],
      'es',
    );
    expect(first?.toLowerCase()).toContain('negotiations');
    expect(first?.toLowerCase()).toContain('difficult');
    expect(empty).toBe('');
    expect(second?.toLowerCase()).toContain('allies');
    expect(missingTranslators()).toEqual([]);
  });

  it('carries Italian and Bulgarian into English through Spanish and Macedonian', () => {
    restore();
    const [italian] = translateToEnglish(
      ['Il ministro ha detto che i negoziati sono stati difficili.'],
      'it',
    );
    expect(italian?.toLowerCase()).toContain('negotiations');
    const [bulgarian] = translateToEnglish(['Министърът говори с Путин.'], 'bg');
    expect(bulgarian).toContain('Putin');
  });

  it('keeps words Apertium treats as markup and lines that look like its format', () => {
    restore();
    const texts = ['[Nota] El precio es de 5 $ ^ <b> @ # \\ / { }', 'Otra frase.'];
    const out = translateToEnglish(texts, 'es');
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('5');
    expect(out[1]?.toLowerCase()).toContain('sentence');
  });

  it('translates nothing for a language without a route', () => {
    restore();
    expect(translateToEnglish(['Der Minister sprach.'], 'de')).toEqual([null]);
    expect(translatorPackages('de')).toBeNull();
    expect(translatorPackages('bg')).toEqual(['apertium', 'apertium-mkd-bul', 'apertium-mkd-eng']);
  });

  it('says which languages went untranslated when a pair is missing', () => {
    setApertium({ modes: mkdtempSync(join(tmpdir(), 'no-apertium-')) });
    expect(translateToEnglish(['Hola.'], 'es')).toEqual([null]);
    expect(missingTranslators()).toEqual(['es']);
  });

  it('translates nothing, and throws nothing, when the translator fails or loses lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-apertium-'));
    const failing = join(dir, 'failing');
    writeFileSync(failing, '#!/bin/sh\nexit 3\n');
    const short = join(dir, 'short');
    writeFileSync(short, '#!/bin/sh\necho one\n');
    chmodSync(failing, 0o755);
    chmodSync(short, 0o755);
    setApertium({ command: failing });
    expect(translateToEnglish(['Hola.', 'Adiós.'], 'es')).toEqual([null, null]);
    setApertium({ command: short });
    expect(translateToEnglish(['Hola.', 'Adiós.'], 'es')).toEqual([null, null]);
    expect(missingTranslators()).toEqual(['es']);
    setApertium({ command: join(dir, 'absent') });
    expect(translateToEnglish(['Hola.'], 'es')).toEqual([null]);
  });
});
