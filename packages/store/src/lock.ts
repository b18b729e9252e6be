import { randomUUID } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreError } from '@parallax/core';

/** Inside the data dir; PostgreSQL ignores files it does not know there. */
export const LOCK_FILE = 'parallax-store.lock';

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.token === 'string'
    ) {
      return { pid: parsed.pid, host: parsed.host, token: parsed.token, since: String(parsed.since ?? '') };
    }
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return null;
  }
}

/** Hard-links `temp` to `file` (atomic, fails if `file` exists); filesystems without hard links get O_EXCL. */
async function createExclusively(temp: string, file: string, owner: LockOwner): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    await writeFile(file, JSON.stringify(owner), { flag: 'wx' });
  }
}

/**
 * PGlite lets a second process open a data dir that another one is using (and both then corrupt it), so
 * the store takes a lock file of its own: created atomically (write a temporary file, then hard-link
 * it to the lock name, which fails if the lock exists), holding the owner's pid and host. A lock left by
 * a process that no longer runs on this host is stale and is taken over. Best effort, like every lock
 * file: a lock written on another host cannot be checked and counts as held.
 */
export async function acquireDirLock(dir: string): Promise<DirLock> {
  const file = path.join(dir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  const temp = path.join(dir, `${LOCK_FILE}.${owner.token}.tmp`);
  await writeFile(temp, JSON.stringify(owner));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await createExclusively(temp, file, owner);
        return {
          file,
          async release() {
            const current = await readOwner(file).catch(() => null);
            if (current?.token === owner.token) await unlink(file).catch(() => undefined);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: LockOwner | null;
      try {
        holder = await readOwner(file);
      } catch {
        continue; // the holder released it between our link and our read: try again
      }
      const sameHost = holder !== null && holder.host === owner.host;
      if (holder !== null && (!sameHost || isAlive(holder.pid))) {
        const who =
          holder.pid === process.pid && sameHost
            ? 'this process (another open store)'
            : `process ${holder.pid}`;
        throw new StoreError(
          `cannot open store at ${dir}: it is in use by ${who}${sameHost ? '' : ` on host ${holder.host}`}` +
            ` (lock file ${file}); close that store first, or delete the lock file if that process is gone`,
          { retryable: true, details: { dataDir: dir, lockFile: file, pid: holder.pid, host: holder.host } },
        );
      }
      // Stale (its process is gone) or unreadable: take it over.
      await unlink(file).catch(() => undefined);
    }
    throw new StoreError(`cannot open store at ${dir}: could not take the lock file ${file}`, {
      retryable: true,
      details: { dataDir: dir, lockFile: file },
    });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
