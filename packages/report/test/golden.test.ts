import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv, renderMarkdown } from '../src/index';
import { putinMongoliaReport } from './fixtures/putin-mongolia';

/**
 * The Markdown and CSV of the fixed Putin–Mongolia report, byte for byte. A change in either output
 * fails here until the golden file is regenerated (UPDATE_GOLDEN=1 pnpm test) and the diff is read
 * and committed on purpose. The `.golden` extension keeps formatters (Biome formats Markdown) away
 * from the bytes.
 */
const GOLDEN = join(import.meta.dirname, 'golden');

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(
    actual,
    `${name} drifted from its golden file; regenerate with UPDATE_GOLDEN=1 and review the diff`,
  ).toBe(readFileSync(path, 'utf8'));
}

describe('golden outputs', () => {
  it('Markdown', () => golden('putin-mongolia.md.golden', renderMarkdown(putinMongoliaReport())));
  it('CSV', () => golden('putin-mongolia.csv.golden', renderCsv(putinMongoliaReport())));
});
