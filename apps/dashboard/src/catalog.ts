import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '@parallax/core';
import { validateReport } from '@parallax/report';
import { type RunRecord, reportId, type Store } from '@parallax/store';

export interface ReportListing {
  id: string;
  generatedAt: string;
  events: { id: string; title: string }[];
  /** Where the dashboard found it: the store, or a report file (path). */
  origin: 'store' | string;
}

export interface CatalogProblem {
  file: string;
  message: string;
}

export interface Catalog {
  reports: ReportListing[];
  runs: RunRecord[];
  problems: CatalogProblem[];
}

/** The newest reports and runs the index shows. */
const LIST_LIMIT = 200;

/**
 * What the dashboard reads: the store's reports and runs, and optionally a folder of JSON reports
 * (what `parallax compare --out` or an older demo wrote) that the store may not hold.
 */
export class ReportCatalog {
  readonly #files = new Map<string, Report>();

  constructor(
    private readonly store: Store,
    private readonly reportsDir: string | undefined,
  ) {}

  async list(): Promise<Catalog> {
    const problems: CatalogProblem[] = [];
    const byId = new Map<string, ReportListing>();
    for (const r of await this.store.listReports(LIST_LIMIT)) {
      byId.set(r.id, { ...r, origin: 'store' });
    }
    for (const [file, report] of await this.#readFiles(problems)) {
      const id = reportId(report);
      this.#files.set(id, report);
      if (byId.has(id)) continue;
      const stored = await this.store.getReport(id);
      byId.set(id, {
        id,
        generatedAt: report.generatedAt,
        events: report.events.map((e) => ({ id: e.id, title: e.title })),
        origin: stored === null ? file : 'store',
      });
    }
    const reports = [...byId.values()].sort(
      (a, b) =>
        (a.generatedAt < b.generatedAt ? 1 : a.generatedAt > b.generatedAt ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
    return { reports, runs: await this.store.listRuns(LIST_LIMIT), problems };
  }

  /** A report by id: from the store first, else from a report file listed earlier. */
  async report(id: string): Promise<Report | null> {
    const stored = await this.store.getReport(id);
    if (stored !== null) return stored;
    if (!this.#files.has(id)) await this.list();
    return this.#files.get(id) ?? null;
  }

  async #readFiles(problems: CatalogProblem[]): Promise<Array<[string, Report]>> {
    if (this.reportsDir === undefined) return [];
    let names: string[];
    try {
      names = (await readdir(this.reportsDir)).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      problems.push({ file: this.reportsDir, message: (error as Error).message });
      return [];
    }
    const out: Array<[string, Report]> = [];
    for (const name of names) {
      const file = join(this.reportsDir, name);
      try {
        out.push([file, validateReport(JSON.parse(await readFile(file, 'utf8')))]);
      } catch (error) {
        // A stray or broken JSON file is named on the page, never fatal.
        problems.push({ file, message: (error as Error).message.slice(0, 300) });
      }
    }
    return out;
  }
}
