import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { findRepoRoot } from '@cohort/local-infra';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (tools/infra/install-chromium.sh): Playwright's own download does not work here. */
const CHROMIUM =
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

const root = findRepoRoot();
/** Where a failing test leaves its screenshot. */
export const FAILURE_DIR = join(root, '.infra', 'logs', 'console');
/** The screenshots of docs/console.md. */
const DOCS_DIR = join(root, 'docs', 'console');

/** A screenshot of the page as it is now, for the run's logs and, when `forDocs`, for docs/console.md. */
export async function pageShot(page: Page, name: string, forDocs: boolean): Promise<void> {
  mkdirSync(FAILURE_DIR, { recursive: true });
  await page.screenshot({ path: join(FAILURE_DIR, `${name}.png`), fullPage: true });
  if (forDocs) {
    mkdirSync(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: join(DOCS_DIR, `${name}.png`), fullPage: true });
  }
}

/** Runs a scenario; when it fails, the page is kept as `.infra/logs/console/failed-<name>.png`. */
export async function scenario(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(FAILURE_DIR, { recursive: true });
    await page.screenshot({ path: join(FAILURE_DIR, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}
