import { join } from 'node:path';
import { UsageError } from '@parallax/core';
import { homeDir } from '@parallax/runtime';
import type { Command } from 'commander';
import { resolveUserPath } from '../inputs';
import type { Io } from '../io';
import { openCliStore } from './fleet-options';

interface StoreOptions {
  database?: string;
  dataDir: string;
}

async function withStore<T>(
  options: StoreOptions,
  fn: (store: Awaited<ReturnType<typeof openCliStore>>) => Promise<T>,
) {
  const store = await openCliStore(options.database, join(resolveUserPath(options.dataDir), 'db'));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `parallax stories`: every story's current version (scheduled runs write them). */
async function storiesCommand(options: StoreOptions & { json?: boolean }, io: Io): Promise<void> {
  await withStore(options, async (store) => {
    const stories = await store.currentStories();
    const rows = stories.map((s) => ({
      id: s.storyId,
      version: s.version,
      generatedAt: s.generatedAt,
      documents: s.documentIds.length,
      title: s.event.title,
    }));
    if (options.json || io.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) {
      io.stdout('No stories yet (scheduled runs, or `parallax run --config … --with-store`, write them).\n');
      return;
    }
    for (const r of rows) {
      io.stdout(`${r.id}  v${r.version}  ${r.generatedAt}  ${r.documents} document(s)  ${r.title}\n`);
    }
  });
}

/** `parallax report STORY [--since V|DATE]`: a story's current version, marking what is new since. */
async function reportCommand(
  story: string,
  options: StoreOptions & { since?: string; format: string; out?: string },
  io: Io,
): Promise<void> {
  const [{ storyReport }, { isReportFormat, REPORT_FORMATS, renderReport }] = await Promise.all([
    import('@parallax/pipeline'),
    import('@parallax/report'),
  ]);
  if (!isReportFormat(options.format)) {
    throw new UsageError(`unknown format "${options.format}"; expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  const format = options.format;
  const text = await withStore(options, async (store) => {
    const { report } = await storyReport(store, story, options.since);
    return renderReport(report, format);
  });
  if (options.out) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(resolveUserPath(options.out), text);
  } else {
    io.stdout(text);
  }
}

/** `parallax changes --since DATE`: the feed of story versions, one JSON object a line. */
async function changesCommand(
  options: StoreOptions & { since: string; limit?: string },
  io: Io,
): Promise<void> {
  const { changesSince } = await import('@parallax/pipeline');
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError('--limit takes a positive integer');
  }
  await withStore(options, async (store) => {
    for (const line of await changesSince(store, options.since, limit))
      io.stdout(`${JSON.stringify(line)}\n`);
  });
}

function storeOptions(command: Command): Command {
  return command
    .option('--database <url>', 'PostgreSQL URL (default: DATABASE_URL; none: the embedded store)')
    .option('--data-dir <dir>', 'data directory of the embedded store', homeDir());
}

export function registerStoryCommands(cli: Command, io: Io): void {
  storeOptions(
    cli
      .command('stories')
      .description('list the stories scheduled runs keep: id, version, when written, documents, title')
      .option('--json', 'print the list as JSON'),
  ).action((options: StoreOptions & { json?: boolean }) => storiesCommand(options, io));
  storeOptions(
    cli
      .command('report <story>')
      .description(
        'a story’s current report; --since VERSION or an ISO date marks the renditions, divergences, fact conflicts and edits new since then',
      )
      .option('--since <version|date>', 'a version number or an ISO date (the version current then)')
      .option('--format <format>', 'md, html, json or csv', 'md')
      .option('--out <file>', 'write the report to this file instead of stdout'),
  ).action((story: string, options: StoreOptions & { since?: string; format: string; out?: string }) =>
    reportCommand(story, options, io),
  );
  storeOptions(
    cli
      .command('changes')
      .description('the changes feed: one JSON line per story version written after --since')
      .requiredOption('--since <date>', 'an ISO date; e.g. the time of your last look')
      .option('--limit <n>', 'at most this many lines (default 1000)'),
  ).action((options: StoreOptions & { since: string; limit?: string }) => changesCommand(options, io));
}
