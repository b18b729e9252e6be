import { parentPort, workerData } from 'node:worker_threads';
import { articleLine, articleOf, type FileStatus, oneOfMany } from './files';

/*
 * One worker thread of `extract --jobs` (see extract-pool.ts): it reads the files it is sent one after
 * the other, through the same code as the main thread, and sends back what that code wrote.
 */

export type ThreadResult =
  | { type: 'ready' }
  | { type: 'file'; index: number; out: string; err: string; status: FileStatus };

const port = parentPort;
if (port === null) throw new Error('extract-thread runs as a worker thread');
const { quiet } = workerData as { quiet: boolean };

let queue = Promise.resolve();
port.on('message', ({ index, path }: { index: number; path: string }) => {
  // One file at a time: readText's shared buffer is for one read at a time.
  queue = queue.then(async () => {
    let out = '';
    let err = '';
    const io = {
      stdout: (text: string) => {
        out += text;
      },
      stderr: (text: string) => {
        err += text;
      },
      quiet,
    };
    let status: FileStatus;
    try {
      status = await oneOfMany(path, io, articleLine, articleOf);
    } catch (error) {
      // oneOfMany reports a file's own failures; this is for anything else, so the file is still named.
      err += `parallax: PARALLAX_INTERNAL: ${path}: ${error instanceof Error ? error.message : String(error)}\n`;
      status = 'error';
    }
    port.postMessage({ type: 'file', index, out, err, status } satisfies ThreadResult);
  });
});
port.postMessage({ type: 'ready' } satisfies ThreadResult);
