import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ThreadResult } from './extract-thread';
import { articleLine, articleOf, errOut, type FileStatus, oneOfMany } from './files';
import type { Io } from './io';

/*
 * `extract --jobs N`: the main thread and N-1 worker threads take the files one at a time from the
 * same list, and the lines are written in the input's order, byte for byte what one thread writes.
 * The main thread starts on the first files at once; a thread gets files once it has loaded the
 * extractor (a few hundred milliseconds), so a pool is never slower to start than one thread.
 * Each file's warnings and line (or error) are buffered until every earlier file is written.
 */

/** Files a thread holds at once: the next is there when it finishes one, without a round trip. */
const PER_THREAD = 3;
/** How far past the next file to write the threads may run: bounds what waits in memory. */
const WINDOW = 64;

interface Outcome {
  out: string;
  err: string;
  status: FileStatus;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Indexes sent, in order: the first is the one being read. */
  held: number[];
  /** Set when we stop it, so that its exit is not taken for a crash. */
  stopping: boolean;
  /** Files it has read (for the debug log). */
  read: number;
}

/**
 * Extracts `paths` (resolved) on `jobs` threads, writing each file's warnings, line or error through
 * `io` in input order, and returns every file's status for the exit code. With `mainReads` false the
 * main thread only hands out and writes (the tests' way to have every file go through a thread), until
 * no thread is left.
 */
export async function extractInPool(
  paths: string[],
  jobs: number,
  io: Io,
  { mainReads = true }: { mainReads?: boolean } = {},
): Promise<FileStatus[]> {
  const statuses: FileStatus[] = new Array(paths.length);
  const done = new Map<number, Outcome>();
  /** Files handed back by a thread that stopped before reading them: taken first. */
  const retry: number[] = [];
  let nextOut = 0;
  let nextIn = 0;
  let wake: (() => void) | undefined;
  const writeErr = errOut(io);
  const quiet = io.quiet === true;

  const take = (): number | undefined => {
    if (retry.length > 0) return retry.shift();
    if (nextIn < paths.length && nextIn < nextOut + WINDOW) return nextIn++;
    return undefined;
  };

  const flush = () => {
    for (let outcome = done.get(nextOut); outcome !== undefined; outcome = done.get(nextOut)) {
      if (outcome.err !== '') writeErr(outcome.err);
      if (outcome.out !== '') io.stdout(outcome.out);
      statuses[nextOut] = outcome.status;
      done.delete(nextOut);
      nextOut += 1;
    }
  };

  const threads: Thread[] = [];
  const feed = () => {
    for (const thread of threads) {
      while (thread.ready && !thread.stopping && thread.held.length < PER_THREAD) {
        const index = take();
        if (index === undefined) break;
        thread.held.push(index);
        thread.worker.postMessage({ index, path: paths[index] });
      }
    }
  };
  const settle = (index: number, outcome: Outcome) => {
    done.set(index, outcome);
    flush();
    feed();
    wake?.();
  };

  for (let i = 1; i < jobs; i++) {
    const worker = new Worker(new URL('./extract-thread.mjs', import.meta.url), {
      // The thread registers tsx itself: Node 20 does not run --import in a worker.
      execArgv: [],
      workerData: { quiet },
    });
    const thread: Thread = { worker, ready: false, held: [], stopping: false, read: 0 };
    threads.push(thread);
    let failure: Error | undefined;
    worker.on('message', (message: ThreadResult) => {
      if (message.type === 'ready') {
        thread.ready = true;
        feed();
        return;
      }
      thread.read += 1;
      if (thread.held[0] === message.index) thread.held.shift();
      else thread.held = thread.held.filter((i) => i !== message.index);
      settle(message.index, message);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (thread.stopping) return;
      thread.stopping = true;
      const why = failure?.message ?? `exit code ${code}`;
      const [reading, ...unread] = thread.held;
      thread.held = [];
      if (reading === undefined) {
        // It had no file: nothing is lost, the others carry on without it.
        io.log.warn({ err: failure, thread: i }, 'an extraction thread stopped; carrying on without it');
      } else {
        // Only the file it was reading is lost; the ones it held go back to the others.
        retry.unshift(...unread);
        settle(reading, {
          out: '',
          err: `parallax: PARALLAX_INTERNAL: ${paths[reading]}: the extraction thread stopped while reading it (${why})\n`,
          status: 'error',
        });
      }
      wake?.();
    });
  }

  let mainRead = 0;
  try {
    // The main thread reads files too, between the threads' messages.
    while (nextOut < paths.length) {
      const index = mainReads || threads.every((t) => t.stopping) ? take() : undefined;
      if (index === undefined) {
        // Everything left is with the threads (or the window is full): wait for one to answer.
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      let out = '';
      let err = '';
      const buffer = {
        stdout: (text: string) => {
          out += text;
        },
        stderr: (text: string) => {
          err += text;
        },
        quiet,
      };
      const status = await oneOfMany(paths[index] as string, buffer, articleLine, articleOf);
      mainRead += 1;
      settle(index, { out, err, status });
      // Lets the threads' messages in (and feeds them) before the next file.
      if (threads.length > 0) await nextTurn();
    }
  } finally {
    io.log.debug(
      { files: paths.length, main: mainRead, threads: threads.map((t) => t.read) },
      'extract pool',
    );
    for (const thread of threads) {
      thread.stopping = true;
      void thread.worker.terminate();
    }
  }
  return statuses;
}
