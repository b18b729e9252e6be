import { join } from 'node:path';
import { ConfigError, InputError, isParallaxError, UsageError } from '@parallax/core';
import { Command, CommanderError } from 'commander';
import { pino } from 'pino';
import {
  compareCommand,
  DEMO_CORPUS,
  demoCommand,
  extractCommand,
  type Io,
  schemaCommand,
  statementsCommand,
} from './commands';
import { registerFetchCommand } from './commands/fetch';
import { userCwd } from './inputs';

const io: Io = {
  stdout: (text) => process.stdout.write(text),
  // Logs go to stderr so that stdout stays the command's output (a report, JSON Lines).
  log: pino({ level: process.env.PARALLAX_LOG_LEVEL ?? 'warn', base: undefined }, pino.destination(2)),
};

function program(): Command {
  const cli = new Command('parallax')
    .description('Compare how different sources report the same event.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError();

  cli
    .command('demo')
    .description(
      'run the whole pipeline on the recorded Putin–Mongolia corpus through a loopback HTTP replay server',
    )
    .option('--out <dir>', 'folder for the reports', 'reports')
    .option('--format <list>', 'report formats, comma-separated: md,html,json', 'md,html,json')
    .option(
      '--data-dir <dir>',
      'where the embedded store lives',
      process.env.PARALLAX_HOME ?? join(userCwd(), '.parallax'),
    )
    .option('--corpus <dir>', 'corpus folder with a manifest.json', DEMO_CORPUS)
    .action((options) => demoCommand(options, io));

  cli
    .command('compare')
    .description('compare local .html/.htm/.txt files (no store, no server) and print a report')
    .argument('[files...]', 'documents to compare (all of the manifest’s when omitted)')
    .option('--manifest <file>', 'manifest.json giving source, kind, url, lang, publishedAt, title per file')
    .option('--format <format>', 'md, html or json', 'md')
    .option('--out <file>', 'write the report here instead of stdout')
    .action((files: string[], options) => compareCommand(files, options, io));

  cli
    .command('extract')
    .description('print each file’s article (title, text, lang, publishedAt, blocks) as JSON')
    .argument('<files...>')
    .option('--format <format>', 'json', 'json')
    .action((files: string[], options) => extractCommand(files, options, io));

  cli
    .command('statements')
    .description('print each file’s statements and facts as JSON (JSON Lines for several files)')
    .argument('<files...>')
    .option('--format <format>', 'json', 'json')
    .action((files: string[], options) => statementsCommand(files, options, io));

  cli
    .command('schema')
    .description('print the JSON Schema of the report contract (schemaVersion 1)')
    .action(() => schemaCommand(io));

  registerFetchCommand(cli, io);

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
    if (process.env.PARALLAX_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
}

await main(process.argv);
