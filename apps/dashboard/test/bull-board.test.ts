import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { openStore, type Store } from '@parallax/store';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../src/index';

const REDIS_SERVER = process.env.REDIS_SERVER || '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A private Redis for this file, stopped by its pid afterwards. Missing redis-server fails, never skips. */
async function startRedis(port: number): Promise<ChildProcess> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server not found at ${REDIS_SERVER}: apt-get install -y redis-server`);
  }
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

describe('Bull Board in the dashboard, on a real Redis', () => {
  let redis: ChildProcess;
  let store: Store;
  let dashboard: Dashboard;
  let queue: Queue;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    queue = new Queue('parallax-fetch', {
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
    });
    await queue.add('fetch', { url: 'https://www.bloomberg.com/news/articles/2024-08-30/putin' });
    await queue.add('fetch', { url: 'https://kyivindependent.com/putin-lands-in-mongolia/' });
    store = await openStore({ memory: true });
    dashboard = await startDashboard({
      store,
      port: 0,
      redisUrl: url,
      queueNames: ['parallax-fetch', 'parallax-extract'],
    });
  }, 60_000);

  afterAll(async () => {
    await dashboard?.close();
    await queue?.close();
    await store?.close();
    redis?.kill('SIGTERM');
  });

  it('mounts Bull Board at /queues and links to it from the dashboard', async () => {
    const index = await fetch(`${dashboard.url}/`);
    expect(await index.text()).toContain('href="/queues/"');
    const board = await fetch(`${dashboard.url}/queues/`);
    expect(board.status).toBe(200);
    expect(await board.text()).toMatch(/<div id="root"/);
  });

  it('shows the queues and their waiting jobs, read-only', async () => {
    const res = await fetch(
      `${dashboard.url}/queues/api/queues?activeQueue=parallax-fetch&status=waiting&page=1`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      queues: Array<{ name: string; readOnlyMode: boolean; counts: Record<string, number> }>;
    };
    const fetchQueue = body.queues.find((q) => q.name === 'parallax-fetch');
    expect(body.queues.map((q) => q.name).sort()).toEqual(['parallax-extract', 'parallax-fetch']);
    expect(fetchQueue?.readOnlyMode).toBe(true);
    expect(fetchQueue?.counts.waiting).toBe(2);
  });

  it('refuses Bull Board’s actions: nothing can be retried, cleaned or removed from here', async () => {
    const clean = await fetch(`${dashboard.url}/queues/api/queues/parallax-fetch/clean/waiting`, {
      method: 'PUT',
    });
    expect(clean.status).toBe(405);
    expect(await queue.getWaitingCount()).toBe(2);
  });
});
