/// <reference lib="dom" />
// page.evaluate callbacks run in Chromium, so these files see the DOM types.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots and other artifacts of the browser tests (CI can upload this folder). */
export const ARTIFACTS = resolve(import.meta.dirname, '.artifacts');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium through playwright-core, with a fresh profile. A missing browser is an error with
 * the way to install it: browser tests fail, they never skip.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get update && apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'parallax-browser-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  page: Page;
  dialogs: string[];
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations(): Promise<string[]>;
}

/** A page that records dialogs, requests, console errors, page errors and CSP violations from the first byte. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = {
    page,
    dialogs: [],
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ['(recorder missing)']),
  };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return watched;
}
