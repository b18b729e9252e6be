import type { Logger } from 'pino';
import type { Progress } from './output';

/** Where a command writes: its data, its errors, its log, and how much the user asked to see. */
export interface Io {
  stdout: (text: string) => void;
  /** Error lines for the user (default: process.stderr). */
  stderr?: (text: string) => void;
  log: Logger;
  /** --quiet: no summaries or progress; only the command's data and errors. */
  quiet?: boolean;
  /** --json: data (summaries, listings) as JSON on stdout. */
  json?: boolean;
  /** A progress bar on a terminal's stderr; a no-op otherwise. */
  progress?: Progress;
}
