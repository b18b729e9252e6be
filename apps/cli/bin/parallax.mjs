#!/usr/bin/env node
// Runs the TypeScript entry point with tsx's loader in one Node process, so the CLI needs no build
// step. The CLI runs in a child so that the loader is registered before it starts; this wrapper only
// passes its exit status on. Ctrl-C reaches the child directly (the terminal signals the whole process
// group), so the wrapper ignores SIGINT instead of dying first with 130 while the child (`serve`)
// stops cleanly; SIGTERM sent to the wrapper alone is passed on.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const loader = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href;
const entry = join(dirname(fileURLToPath(import.meta.url)), '../src/main.ts');
const child = spawn(process.execPath, ['--import', loader, entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
const ignore = () => {};
const forward = () => child.kill('SIGTERM');
process.on('SIGINT', ignore);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  if (signal) {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
