import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's postgresql package puts the server binaries (TOOLCHAIN.md): the newest version there. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => existsSync(join('/usr/lib/postgresql', v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL is not installed (apt-get install postgresql, or scripts/bootstrap.sh --services)',
    );
  }
  return join('/usr/lib/postgresql', versions[0] as string, 'bin');
}

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface RedisService {
  url: string;
  port: number;
  /** Deletes every key (a clean slate between tests sharing the server). */
  flush(): Promise<void>;
  /** Stops the server (SIGTERM, waits for it) and starts it again on the same port, empty unless `aof`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private redis-server on a free loopback port. With `aof`, it keeps an append-only file in a temp
 * dir (fsync always), so a restart keeps the queues, as production Redis for BullMQ must.
 */
export async function startRedis(options: { aof?: boolean } = {}): Promise<RedisService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
    ...(options.aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    child.once('error', () => undefined);
    await waitForPort(port, 10_000);
  };
  await launch();
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async flush() {
      await run('redis-cli', ['-p', String(port), 'FLUSHALL']);
    },
    async restart() {
      await stopChild();
      await launch();
    },
    async stop() {
      await stopChild();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PostgresService {
  port: number;
  /** postgres://postgres@127.0.0.1:PORT/DATABASE */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop -m fast: connected clients are cut off, as in an outage. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root (CI), the server runs as the postgres user. */
async function asServerUser(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) {
    const quoted = [command, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    await run('su', ['postgres', '-c', quoted]);
  } else {
    await run(command, args);
  }
}

/** A private PostgreSQL cluster (initdb in a temp dir, trust auth) on a free loopback port. */
export async function startPostgres(): Promise<PostgresService> {
  const PG_BIN = postgresBin();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  await asServerUser(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  const ctl = (action: string) =>
    asServerUser(`${PG_BIN}/pg_ctl`, [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      '-l',
      join(dir, 'log'),
      '-w',
      ...(action === 'stop' ? ['-m', 'fast'] : []),
      action,
    ]);
  await ctl('start');
  let running = true;
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlFor,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    async pause() {
      await ctl('stop');
      running = false;
    },
    async resume() {
      await ctl('start');
      running = true;
    },
    async stop() {
      if (running) await ctl('stop');
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
