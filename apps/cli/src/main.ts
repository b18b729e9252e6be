import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, InputError, isParallaxError, UsageError } from '@parallax/core/errors';
import { homeDir } from '@parallax/runtime/options';
import { Command, CommanderError } from 'commander';
import { registerFailuresCommand } from './commands/failures';
import { registerFetchCommand } from './commands/fetch';
import { registerRunCommand } from './commands/run';
import { registerStoryCommands } from './commands/stories';
import { registerWorkerCommand } from './commands/worker';
import { DEMO_CORPUS, userCwd } from './inputs';
import type { Io } from './io';
import { createLogger, createProgress, outputSettings } from './output';

// A command's modules are loaded when it runs, not at start: `extract` needs @parallax/extract, not
// the pipeline, the store, the dashboard and the report renderers, which took most of a second of
// every start (the register* modules load theirs in their actions too).
const commands = () => import('./commands');

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Until the global flags are parsed: warnings only, in the format stderr calls for. */
const startup = outputSettings({}, process.env, process.stderr.isTTY === true);
const io: Io = {
  stdout: (text) => process.stdout.write(text),
  // Logs go to stderr so that stdout stays the command's output (a report, JSON Lines).
  log: createLogger(startup, process.stderr),
};

/** Applies --quiet, --json and --no-color (and NO_COLOR) before any command runs. */
function configureOutput(flags: { quiet?: boolean; json?: boolean; color?: boolean }): void {
  const settings = outputSettings(flags, process.env, process.stderr.isTTY === true);
  io.log = createLogger(settings, process.stderr);
  io.quiet = settings.quiet;
  io.json = settings.json;
  io.progress = createProgress(settings, process.stderr);
}

const EXIT_CODES = `
Exit codes:
  0  success (also --help and --version)
  1  the run failed or finished with failed sources; an internal error
  2  a usage, configuration or input error: fix the command or its files (PARALLAX_USAGE,
     PARALLAX_CONFIG_INVALID, PARALLAX_INPUT_INVALID…)
  130  interrupted by Ctrl-C while working (serve stops cleanly on Ctrl-C and exits 0)

Environment: NO_COLOR (no colours), PARALLAX_LOG_LEVEL (trace…fatal, default warn),
PARALLAX_HOME (data dir), PARALLAX_DEBUG (stack traces on errors).`;

function examples(...lines: string[]): string {
  return `
Examples:
${lines.map((line) => `  ${line}`).join('\n')}
`;
}

function program(): Command {
  const cli = new Command('parallax')
    .description('Compare how different sources report the same event.')
    .version(VERSION, '-V, --version', 'print the version and exit')
    .option('-q, --quiet', 'print only the command’s data and errors: no summaries, no progress')
    .option('--json', 'print data (summaries, listings) as JSON; logs as JSON lines')
    .option('--no-color', 'no colours in logs (also when NO_COLOR is set)')
    .helpOption('-h, --help', 'show help (every command has its own, with examples)')
    .addHelpText(
      'after',
      `${examples('pnpm parallax demo', 'pnpm parallax compare a.html b.html --format html --out report.html', 'pnpm parallax serve', 'pnpm parallax demo --help')}${EXIT_CODES}`,
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage and examples)')
    .hook('preAction', (root) => configureOutput(root.opts()));

  cli
    .command('demo')
    .description(
      'run the whole pipeline on the recorded Putin–Mongolia corpus through a loopback HTTP replay server',
    )
    .option('--out <dir>', 'folder for the reports', 'reports')
    .option('--format <list>', 'report formats, comma-separated: md,html,json,csv', 'md,html,json')
    .option('--data-dir <dir>', 'where the embedded store lives', homeDir())
    .option('--corpus <dir>', 'corpus folder with a manifest.json', DEMO_CORPUS)
    .option('--queue <url>', 'run through BullMQ on this Redis (redis://…) instead of in process')
    .option('--database <url>', 'PostgreSQL (postgres://…) instead of the embedded store')
    .option('--no-workers', 'with --queue: start no workers here; workers elsewhere serve the queue')
    .addHelpText(
      'after',
      examples(
        'pnpm parallax demo',
        'pnpm parallax demo --format md,html,json,csv --out reports',
        'pnpm parallax demo --json          # the summary as JSON',
        'pnpm parallax demo --quiet         # only the paths of the written reports',
      ),
    )
    .action(async (options) => (await commands()).demoCommand(options, io));

  cli
    .command('compare')
    .description('compare local .html/.htm/.txt files (no store, no server) and print a report')
    .argument('[files...]', 'documents to compare (all of the manifest’s when omitted)')
    .option('--manifest <file>', 'manifest.json giving source, kind, url, lang, publishedAt, title per file')
    .option('--format <format>', 'md, html, json or csv', 'md')
    .option('--out <file>', 'write the report here instead of stdout')
    .addHelpText(
      'after',
      examples(
        'pnpm parallax compare test/corpus/putin-mongolia-2024/seed.txt',
        'pnpm parallax compare --manifest test/corpus/putin-mongolia-2024/manifest.json --format html --out report.html',
        'pnpm parallax compare a.html b.html --format csv > divergences.csv',
      ),
    )
    .action(async (files: string[], options) => (await commands()).compareCommand(files, options, io));

  cli
    .command('extract')
    .description('print each file’s article (title, text, lang, publishedAt, blocks) as JSON')
    .argument('<files...>')
    .option('--format <format>', 'json', 'json')
    .option(
      '--jobs <n>',
      'threads that extract at once, the output still in input order (default: 1, and one more per 200 files up to the cores)',
    )
    .addHelpText(
      'after',
      examples(
        'pnpm parallax extract page.html',
        'pnpm parallax extract a.html b.html   # JSON Lines',
        'pnpm parallax extract pages/*.html --jobs 4 > articles.jsonl',
      ),
    )
    .action(async (files: string[], options) =>
      (await import('./extract')).extractCommand(files, options, io),
    );

  cli
    .command('statements')
    .description('print each file’s statements and facts as JSON (JSON Lines for several files)')
    .argument('<files...>')
    .option('--format <format>', 'json', 'json')
    .addHelpText(
      'after',
      examples(
        'pnpm parallax statements test/corpus/putin-mongolia-2024/seed.txt',
        'pnpm parallax statements a.html b.txt',
      ),
    )
    .action(async (files: string[], options) => (await commands()).statementsCommand(files, options, io));

  cli
    .command('schema')
    .description('print the JSON Schema of the report contract (schemaVersion 1)')
    .addHelpText('after', examples('pnpm parallax schema > report.schema.json'))
    .action(async () => (await commands()).schemaCommand(io));

  cli
    .command('serve')
    .description(
      'read-only web dashboard: events, runs, reports, snapshot views (and Bull Board with a Redis URL)',
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4173')
    .option(
      '--host <host>',
      'address to bind; anything but loopback exposes every stored report',
      '127.0.0.1',
    )
    .option('--data-dir <dir>', 'where the embedded store lives', homeDir())
    .option(
      '--reports <dir>',
      'folder of JSON reports to list too (where demo writes)',
      join(userCwd(), 'reports'),
    )
    .option(
      '--database <url>',
      'read a PostgreSQL store (postgres://…) instead of the embedded one (default: DATABASE_URL)',
    )
    .option(
      '--redis-url <url>',
      'mount Bull Board at /queues for the queues on this Redis (default: REDIS_URL)',
    )
    .option('--queues <names>', 'comma-separated queue names for Bull Board (default: the pipeline’s)')
    .addHelpText(
      'after',
      examples(
        'pnpm parallax serve                      # http://127.0.0.1:4173',
        'pnpm parallax serve --port 8080',
        'pnpm parallax serve --database postgres://postgres@127.0.0.1:5432/postgres',
        'pnpm parallax serve --redis-url redis://127.0.0.1:6379   # with Bull Board at /queues',
      ),
    )
    .action(async (options) => (await import('./commands/serve')).serveCommand(options, io));

  registerFetchCommand(cli, io);
  registerRunCommand(cli, io);
  registerWorkerCommand(cli, io);
  registerFailuresCommand(cli, io);
  registerStoryCommands(cli, io);

  // Examples for the commands registered from their own files (their owners may move them there).
  const registeredExamples: Record<string, string[]> = {
    fetch: [
      'pnpm parallax fetch https://www.icc-cpi.int/news',
      'pnpm parallax fetch http://127.0.0.1:8080/page.html --allow-loopback',
    ],
    run: [
      'pnpm parallax run                                   # in process, on the demo corpus',
      'pnpm parallax run --config infra/sources.yaml --source kremlin-en --source icc   # discover + run live',
      'pnpm parallax run --config infra/sources.yaml --queue redis://127.0.0.1:6379     # every enabled source, on the fleet',
      'pnpm parallax run --queue redis://127.0.0.1:6379 --timeout 600',
      'pnpm parallax run --config infra/sources.yaml --with-store   # compare with everything stored',
    ],
    worker: [
      'pnpm parallax worker --queue redis://127.0.0.1:6379 --database postgres://postgres@127.0.0.1:5432/postgres',
      'pnpm parallax worker --stages fetch,extract --concurrency 8',
    ],
    failures: ['pnpm parallax failures', 'pnpm parallax failures --retry'],
    stories: [
      'pnpm parallax stories',
      'pnpm parallax stories --json --database postgres://postgres@127.0.0.1:5432/postgres',
    ],
    report: [
      'pnpm parallax report story_0123abcd                          # its current version, Markdown',
      'pnpm parallax report story_0123abcd --since 3 --format html --out story.html',
      'pnpm parallax report story_0123abcd --since 2024-09-03T08:00:00Z   # new since that morning',
    ],
    changes: ['pnpm parallax changes --since 2024-09-03T00:00:00Z | jq .divergences'],
  };
  for (const command of cli.commands) {
    const lines = registeredExamples[command.name()];
    if (lines !== undefined) command.addHelpText('after', examples(...lines));
  }

  return cli;
}

/** Exit 2 for the user's mistakes (usage, configuration, unreadable input), 1 for failures; a stack trace only with PARALLAX_DEBUG. */
async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message; help and version exit 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (isParallaxError(error)) {
      process.stderr.write(`parallax: ${error.code}: ${error.message}\n`);
      process.exitCode =
        error instanceof UsageError || error instanceof ConfigError || error instanceof InputError ? 2 : 1;
    } else {
      process.stderr.write(
        `parallax: PARALLAX_INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    if (process.env.PARALLAX_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
      if (error.cause instanceof Error) process.stderr.write(`caused by: ${error.cause.stack}\n`);
    }
  }
}

await main(process.argv);
