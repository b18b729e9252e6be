/**
 * `compare` says when a translation could not be aligned for want of a bilingual dictionary, and says
 * nothing when the dictionaries are there (scripts/test.sh installs Debian's FreeDict).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';

const work = mkdtempSync(join(tmpdir(), 'parallax-dictionaries-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const english = join(work, 'harbour-en.txt');
writeFileSync(
  english,
  'Velmora harbour deal signed\n\n“The new quay will open to ships next spring,” Transport Minister Ilse Marr said on Friday.\n',
);
const german = join(work, 'harbour-de.txt');
writeFileSync(
  german,
  'Hafenvertrag in Velmora unterzeichnet\n\n„Der neue Kai wird im nächsten Frühjahr für Schiffe geöffnet“, sagte Verkehrsministerin Ilse Marr am Freitag.\n',
);
const manifest = join(work, 'manifest.json');
writeFileSync(
  manifest,
  JSON.stringify([
    { file: 'harbour-en.txt', source: 'Harbour Daily', url: 'https://harbour.example/en', lang: 'en' },
    { file: 'harbour-de.txt', source: 'Hafenblatt', url: 'https://hafen.example/de', lang: 'de' },
  ]),
);

describe('compare and the bilingual dictionaries', () => {
  it('warns, naming the language, when a dictionary a translation needs is not installed', async () => {
    const empty = mkdtempSync(join(work, 'no-dicts-'));
    const result = await runCli(['compare', '--manifest', manifest, '--format', 'json'], {
      env: { PARALLAX_DICT_DIR: empty },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: no bilingual dictionary or translator installed for de\b/);
    expect(JSON.parse(result.stdout).events.length).toBeGreaterThan(0);
  });

  it('says nothing about dictionaries when they are installed', async () => {
    const result = await runCli(['compare', '--manifest', manifest, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/bilingual dictionary/);
    // German has attribution rules (packages/statements/rules/de.json): no warning for either page.
    // A language without rules still gets one (packages/statements/test/attribution-spans.test.ts).
    expect(result.stderr).not.toMatch(/no attribution rules/);
    expect(result.stderr).not.toMatch(/harbour-en\.txt/);
  });
});
