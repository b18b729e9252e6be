/**
 * Issue 15: the DNS-rebinding guard answers only the exact loopback names it is bound to, with the
 * port. Raw HTTP requests on loopback, as curl sends them (`curl -H 'Host: …'`).
 */
import { request } from 'node:http';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../src/index';

function statusFor(dashboard: Dashboard, host: string, connectTo = dashboard.host): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: connectTo, port: dashboard.port, path: '/', method: 'GET', headers: { host } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let store: Store;
let v4: Dashboard;

beforeAll(async () => {
  store = await openStore({ memory: true });
  v4 = await startDashboard({ store, port: 0 });
}, 120_000);

afterAll(async () => {
  await v4?.close();
  await store?.close();
});

describe('dashboard Host check on 127.0.0.1', () => {
  it('refuses names that only start like a loopback address (421)', async () => {
    for (const host of [
      `127.0.0.1.evil.example:${v4.port}`,
      `127.0.0.1.nip.io:${v4.port}`,
      `127.0.0.1evil:${v4.port}`,
      '127.0.0.1.evil.example',
      `127.0.0.2:${v4.port}`,
      `localhost.evil.example:${v4.port}`,
      `attacker.example:${v4.port}`,
    ]) {
      expect(await statusFor(v4, host), host).toBe(421);
    }
  });

  it('refuses the right name on another port, or without the port', async () => {
    expect(await statusFor(v4, `127.0.0.1:${v4.port + 1}`)).toBe(421);
    expect(await statusFor(v4, '127.0.0.1')).toBe(421);
    expect(await statusFor(v4, 'localhost')).toBe(421);
  });

  it('answers the address it is bound to and localhost, with its port, in any case', async () => {
    expect(await statusFor(v4, `127.0.0.1:${v4.port}`)).toBe(200);
    expect(await statusFor(v4, `localhost:${v4.port}`)).toBe(200);
    expect(await statusFor(v4, `LocalHost:${v4.port}`)).toBe(200);
  });
});

describe('dashboard Host check on ::1', () => {
  it('answers [::1] and localhost with the port, nothing else', async (ctx) => {
    let v6: Dashboard;
    try {
      v6 = await startDashboard({ store, host: '::1', port: 0 });
    } catch {
      ctx.skip(); // no IPv6 loopback on this machine
      return;
    }
    try {
      expect(await statusFor(v6, `[::1]:${v6.port}`)).toBe(200);
      expect(await statusFor(v6, `localhost:${v6.port}`)).toBe(200);
      expect(await statusFor(v6, `127.0.0.1:${v6.port}`)).toBe(421);
      expect(await statusFor(v6, `[::1].evil.example:${v6.port}`)).toBe(421);
    } finally {
      await v6.close();
    }
  });
});
