import { shortId, type Stack, startStack } from '@cohort/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, pageShot as shoot, scenario } from './browser';

/** CONSOLE_DOCS_SCREENSHOTS=1 refreshes the screenshots of docs/console.md. */
const pageShot = (page: Page, name: string) => shoot(page, name, process.env.CONSOLE_DOCS_SCREENSHOTS === '1');

const CLIENT_ID = 'demo';
const CLIENT_SECRET = 'demo-secret';

/** The console in a real browser (Debian's Chromium, headless) against the whole built stack. */
describe('admin console in Chromium (e2e)', () => {
  jest.setTimeout(120_000);
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let adminToken: string;
  const run = shortId(4);
  const owner = `7${Date.now() % 1_000_000_000}1`;
  const member = `7${Date.now() % 1_000_000_000}2`;
  const groupName = `console-team-${run}`;
  const doomedName = `console-doomed-${run}`;
  const groups: Record<string, string> = {};

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    stack = await startStack({ suite: 'console', env: { RATE_LIMIT_PER_SECOND: '10000' } });
    const issued = await fetch(`${stack.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    adminToken = ((await issued.json()) as { access_token: string }).access_token;
    for (const name of [groupName, doomedName]) {
      const created = await fetch(`${stack.baseUrl}/group/create?app_id=demo&user_id=${owner}`, {
        method: 'POST',
        headers: { 'access-token': adminToken, 'content-type': 'application/json' },
        body: JSON.stringify({ name, user_list: [Number(member)] }),
      });
      groups[name] = String(((await created.json()) as { data: { group_id: number | string } }).data.group_id);
    }
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('signs in with the app’s client id and secret and shows the dashboard', async () => {
    await scenario(page, 'sign-in', async () => {
      await page.goto(`${stack.baseUrl}/console`);
      await page.getByLabel('Username').fill(CLIENT_ID);
      await page.getByRole('textbox', { name: 'Password' }).fill('wrong-secret');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The API's own words.
      await page.getByText('invalid client_id or client_secret').waitFor();
      await pageShot(page, 'sign-in');
      await page.getByRole('textbox', { name: 'Password' }).fill(CLIENT_SECRET);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Service health').waitFor();
      await page.getByText('audit: ok').waitFor();
      await pageShot(page, 'dashboard');
    });
  });

  it('finds a group by name and opens its page', async () => {
    await scenario(page, 'find-group', async () => {
      await page.getByRole('menuitem', { name: 'Groups & chatrooms' }).click();
      await page.getByLabel('Name contains').fill(groupName);
      // The filter applies once typing stops: then the other group is gone from the list.
      await page.getByRole('cell', { name: doomedName, exact: true }).waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: groupName, exact: true }).waitFor();
      await pageShot(page, 'groups');
      await page.getByRole('cell', { name: groupName, exact: true }).click();
      await page.getByText(`Id: ${groups[groupName]}`).waitFor();
      await page.getByText('Members: 2 of').waitFor();
      await pageShot(page, 'group-settings');
    });
  });

  it('mutes a member for 10 minutes and shows the mute with its end time; errors read as the API words them', async () => {
    await scenario(page, 'mute', async () => {
      await page.getByRole('tab', { name: 'Members' }).click();
      await page.getByTestId('mute-minutes').fill('10');
      await page.getByRole('row').filter({ hasText: member }).getByRole('button', { name: 'Mute' }).click();
      await page.getByText(`${member} muted`).waitFor();
      await pageShot(page, 'group-members');
      const mutes = await call<{ items: { userId: string; until: number }[] }>(
        'GET',
        `/admin/v1/groups/${groups[groupName]}/mutes`,
      );
      const until = mutes.items.find((m) => m.userId === member)?.until ?? 0;
      expect(Math.abs(until - (Date.now() + 10 * 60_000))).toBeLessThan(60_000);
      await page.getByRole('tab', { name: 'Mutes' }).click();
      const shown = await page.evaluate((ms) => new Date(ms).toLocaleString(), until);
      await page.getByRole('row').filter({ hasText: member }).filter({ hasText: shown }).waitFor();
      await pageShot(page, 'group-mutes');
      // Muting the owner is refused: the console shows the API's reason.
      await page.getByRole('tab', { name: 'Members' }).click();
      await page.getByRole('row').filter({ hasText: owner }).getByRole('button', { name: 'Mute' }).click();
      await page.getByText(new RegExp(`${owner}: .*owner`)).waitFor();
      for (const tab of ['Blocklist', 'Allowlist', 'Announcements', 'Files', 'Attributes']) {
        await page.getByRole('tab', { name: tab }).click();
        await pageShot(page, `group-${tab.toLowerCase()}`);
      }
    });
  });

  it('shows that mute in the audit log with its actor, linked to its group', async () => {
    await scenario(page, 'audit', async () => {
      await page.getByRole('menuitem', { name: 'Audit log' }).click();
      await page.getByLabel('Group id').fill(groups[groupName]);
      // The filter applies once typing stops: then no line of the other group is left.
      await page.getByRole('link', { name: groups[doomedName] }).first().waitFor({ state: 'detached' });
      const line = page.getByRole('row').filter({ hasText: 'member.muted' });
      await line.filter({ hasText: 'app admin' }).filter({ hasText: member }).waitFor();
      await pageShot(page, 'audit-log');
      await line.getByRole('link', { name: groups[groupName] }).click();
      await page.getByText(`Id: ${groups[groupName]}`).waitFor();
    });
  });

  it('destroys a group only through the confirmation', async () => {
    await scenario(page, 'destroy', async () => {
      await page.goto(`${stack.baseUrl}/console/#/groups/${groups[doomedName]}/show`);
      await page.getByText(`Id: ${groups[doomedName]}`).waitFor();
      await page.getByRole('button', { name: 'Destroy group' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`Destroy ${doomedName}?`).waitFor();
      await pageShot(page, 'group-destroy-confirm');
      // Cancelling leaves it alone.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await call<{ groupId?: string }>('GET', `/admin/v1/groups/${groups[doomedName]}`)).groupId).toBe(
        groups[doomedName],
      );
      await page.getByRole('button', { name: 'Destroy group' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Destroy' }).click();
      await page.getByText('group destroyed').waitFor();
      expect(await call<{ error?: string }>('GET', `/admin/v1/groups/${groups[doomedName]}`)).toMatchObject({
        error: 'group_not_found',
      });
    });
  });

  it('is usable at phone width', async () => {
    await scenario(page, 'phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${stack.baseUrl}/console/#/groups/${groups[groupName]}/show`);
      await page.getByText(`Id: ${groups[groupName]}`).waitFor();
      await page.getByRole('button', { name: 'Destroy group' }).waitFor();
      // Nothing wider than the screen but the tables, which scroll inside themselves.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await pageShot(page, 'phone-group');
    });
  });

  it('lists webhook endpoints (the webhooks API answers, or its error is shown)', async () => {
    await scenario(page, 'webhooks', async () => {
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(`${stack.baseUrl}/console/#/webhooks`);
      await page.getByText('Webhooks').first().waitFor();
      await pageShot(page, 'webhooks');
    });
  });
});
