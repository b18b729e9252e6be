import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { LOCK_FILE } from '../src/lock';
import { MIGRATIONS } from '../src/migrations/index';
import { articleHtml, buildDocument, buildEvent, buildReport, snapshotOf } from './fixtures';
import { storeError } from './helpers';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'parallax-store-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function migrationRows(dataDir: string) {
  const db = await PGlite.create({ dataDir });
  try {
    const { rows } = await db.query<{ version: number; applied_at: Date }>(
      'SELECT version, applied_at FROM schema_migrations ORDER BY version',
    );
    return rows.map((row) => ({ version: row.version, appliedAt: row.applied_at.toISOString() }));
  } finally {
    await db.close();
  }
}

describe('a file-backed store', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = path.join(root, 'nested', '.parallax', 'db');
  });

  it('creates its directory, keeps data across reopening, and does not re-run migrations', async () => {
    const { snapshot, body } = snapshotOf(articleHtml());
    const doc = buildDocument(snapshot);
    const report = buildReport([buildEvent(doc)]);

    const first = await openStore({ dataDir });
    await first.saveSnapshot(snapshot, body);
    await first.saveDocument(doc);
    const reportId = await first.saveReport(report);
    const run = await first.startRun();
    await first.finishRun(run.id, { status: 'succeeded', summary: { documents: 1 } });
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    await first.close();
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const applied = await migrationRows(dataDir);
    expect(applied.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));

    const second = await openStore({ dataDir });
    try {
      expect(await second.getSnapshot(snapshot.sha256)).toEqual({ snapshot, body });
      expect(await second.getDocument(doc.ref.id)).toEqual(doc);
      expect(await second.listDocuments()).toEqual([doc.ref]);
      expect(await second.getReport(reportId)).toEqual(report);
      expect(await second.latestReportForEvent(report.events[0]?.id ?? '')).toEqual(report);
      expect(await second.getRun(run.id)).toMatchObject({ status: 'succeeded', summary: { documents: 1 } });
    } finally {
      await second.close();
    }
    expect(await migrationRows(dataDir)).toEqual(applied);
  });

  it('refuses a second open of the same directory while the first is open', async () => {
    const first = await openStore({ dataDir });
    try {
      const error = await storeError(openStore({ dataDir }));
      expect(error.message).toContain(dataDir);
      expect(error.message).toMatch(/in use by this process/);
    } finally {
      await first.close();
    }
    const again = await openStore({ dataDir });
    await again.close();
  });

  it('refuses a directory locked by another live process, and takes over a stale lock', async () => {
    const lockFile = path.join(dataDir, LOCK_FILE);
    const live = { pid: process.ppid, host: hostname(), token: 'other', since: new Date().toISOString() };
    await writeFile(lockFile, JSON.stringify(live));
    const error = await storeError(openStore({ dataDir }));
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain(`in use by process ${process.ppid}`);
    expect(error.retryable).toBe(true);

    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lockFile, JSON.stringify({ ...live, pid: gone }));
    const store = await openStore({ dataDir });
    await store.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a database written by a newer schema, naming the path', async () => {
    const db = await PGlite.create({ dataDir });
    await db.query(
      `INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'from_the_future', 'x')`,
    );
    await db.close();
    const error = await storeError(openStore({ dataDir }));
    expect(error.message).toContain(dataDir);
    expect(error.message).toMatch(/migration 999 \(from_the_future\).*newer version/);
    expect(error.retryable).toBe(false);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});

describe('a data dir that cannot be opened', () => {
  it('is a file', async () => {
    const file = path.join(root, 'not-a-dir.db');
    await writeFile(file, 'hello');
    const error = await storeError(openStore({ dataDir: file }));
    expect(error.message).toBe(`cannot open store at ${file}: it is a file, not a directory`);
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({ dataDir: file });
  });

  it('lies under a file', async () => {
    const file = path.join(root, 'plain-file');
    await writeFile(file, 'hello');
    const error = await storeError(openStore({ dataDir: path.join(file, 'db') }));
    expect(error.message).toContain(path.join(file, 'db'));
    expect(error.message).toMatch(/part of the path is a file/);
  });

  it('is some other non-empty directory', async () => {
    const dir = path.join(root, 'documents');
    await mkdir(dir);
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const error = await storeError(openStore({ dataDir: dir }));
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(/neither empty nor a Parallax store/);
  });

  it('is not given', async () => {
    const error = await storeError(openStore({ dataDir: ' ' }));
    expect(error.retryable).toBe(false);
  });
});

describe('an in-memory store', () => {
  it('opens through openStore and works', async () => {
    const store = await openStore({ memory: true });
    try {
      const { snapshot, body } = snapshotOf(articleHtml());
      await store.saveSnapshot(snapshot, body);
      expect((await store.getSnapshot(snapshot.sha256))?.snapshot).toEqual(snapshot);
      expect(await store.listDocuments()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
