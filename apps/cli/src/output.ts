import { Writable } from 'node:stream';
import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * How the CLI talks: stdout carries only the command's output (a report, JSON); logs, progress and
 * errors go to stderr. Logs are pino JSON lines unless stderr is a terminal, where they are one
 * readable line each. Colour only on a terminal, never with NO_COLOR (https://no-color.org) or
 * --no-color. Progress only on a terminal, never with --quiet.
 */
export interface OutputSettings {
  quiet: boolean;
  json: boolean;
  color: boolean;
  /** stderr is a terminal */
  tty: boolean;
  logLevel: string;
}

export function outputSettings(
  flags: { quiet?: boolean; json?: boolean; color?: boolean },
  env: NodeJS.ProcessEnv,
  stderrIsTty: boolean,
): OutputSettings {
  const quiet = flags.quiet === true;
  return {
    quiet,
    json: flags.json === true,
    // no-color.org: NO_COLOR present and not empty turns colour off.
    color: stderrIsTty && flags.color !== false && !env.NO_COLOR && env.TERM !== 'dumb',
    tty: stderrIsTty,
    logLevel: quiet ? 'error' : (env.PARALLAX_LOG_LEVEL ?? 'warn'),
  };
}

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '\x1b[90m' },
  20: { name: 'DEBUG', color: '\x1b[36m' },
  30: { name: 'INFO', color: '\x1b[32m' },
  40: { name: 'WARN', color: '\x1b[33m' },
  50: { name: 'ERROR', color: '\x1b[31m' },
  60: { name: 'FATAL', color: '\x1b[41m' },
};

/** One pino JSON line as `HH:MM:SS LEVEL message key=value…`. */
export function prettyLogLine(line: string, color: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { level, time, msg, ...rest } = record;
  const info = LEVELS[Number(level)] ?? { name: String(level), color: '' };
  const clock = typeof time === 'number' ? new Date(time).toISOString().slice(11, 19) : '';
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const label = color ? `${info.color}${info.name.padEnd(5)}\x1b[0m` : info.name.padEnd(5);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  return `${dim(clock)} ${label} ${String(msg ?? '')}${fields === '' ? '' : ` ${dim(fields)}`}\n`;
}

export function createLogger(settings: OutputSettings, stderr: NodeJS.WritableStream): Logger {
  let destination: DestinationStream;
  if (settings.tty && !settings.json) {
    destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n'))
          if (line !== '') stderr.write(prettyLogLine(line, settings.color));
        done();
      },
    });
  } else {
    destination = { write: (line: string) => void stderr.write(line) };
  }
  return pino({ level: settings.logLevel, base: undefined }, destination);
}

/** A one-line progress bar on a terminal; nothing otherwise (logs carry the same events). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  done(): void;
}

const NO_PROGRESS: Progress = { update() {}, done() {} };

export function createProgress(
  settings: OutputSettings,
  stderr: NodeJS.WritableStream & { columns?: number },
): Progress {
  if (!settings.tty || settings.quiet) return NO_PROGRESS;
  let drawn = false;
  return {
    update(done, total, label) {
      const width = 24;
      const filled = total === 0 ? 0 : Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const text = `${bar} ${done}/${total} ${label}`;
      const max = Math.max(20, (stderr.columns ?? 80) - 1);
      stderr.write(`\r\x1b[2K${[...text].slice(0, max).join('')}`);
      drawn = true;
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
