// Offline after the first visit, deep links included (the embed view, a shared link on any path
// under the scope), and a new build shows the update prompt whose button switches to it. Runs on
// its own copy of dist/ so the test can publish a "new build".
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { city, foreignRequests, noDialogs, serveDir, tokenFor } from '../fixtures/share';

test('offline app, embed and shared link; a new build triggers the update prompt', async ({ browser }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'renewal-dist-'));
  cpSync(resolve(process.env.RENEWAL_DIST ?? '../../dist'), dir, { recursive: true });
  const { child: server, origin: ORIGIN } = await serveDir(dir);
  try {
    const context = await browser.newContext({ baseURL: ORIGIN });
    const page = await context.newPage();
    const noDialog = noDialogs(page);
    const foreign = foreignRequests(page, [ORIGIN]);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto('/?lang=en#/baseline');
    await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 20_000 });

    await context.setOffline(true);
    await page.goto('/#/embed/baseline-generation?lang=zh');
    await expect(page.getByRole('heading', { level: 3, name: /发电/ })).toBeVisible();
    await expect(page.locator('.chart svg').first()).toBeVisible();
    // A shared link on a path the server never saw: the worker answers with index.html.
    const token = tokenFor([city(0, 'Fushun', { pm25: { '2022': 41.2 } })], 'en', 'overview');
    await page.goto(`/any/deep/path?ref=chat#/overview?s=${token}`);
    await expect(page.getByRole('status').filter({ hasText: 'Loaded the data of a shared link' })).toContainText('Fushun');
    const row = page.getByRole('table', { name: /^Fushun: / }).getByRole('row', { name: /PM2\.5/ });
    await expect(row.getByRole('cell').first()).toHaveText('41.2 (2022)');
    // …and use it: change language, go to another view.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('link', { name: '东北基准' }).click();
    await expect(page.getByRole('table', { name: /论文表 1/ })).toBeVisible();
    await context.setOffline(false);

    // Publish a new build: the same files with another service-worker version.
    const swPath = join(dir, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const old = /const VERSION = '([^']+)'/.exec(sw)![1];
    writeFileSync(swPath, sw.replace(`const VERSION = '${old}'`, `const VERSION = '${old}-next'`));
    await page.goto('/?lang=en#/baseline');
    const prompt = page.getByRole('alert').filter({ hasText: 'A new version of the calculator is available.' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // The button reloads the page once the new worker has taken over: wait for that load, and
    // poll across it (a poll that lands mid-reload sees no page and tries again).
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect.poll(() => page.evaluate(async () =>
      (await caches.keys()).filter((k) => k.startsWith('renewal-'))).catch(() => []), { timeout: 20_000 }).toEqual([`renewal-${old}-next`]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    noDialog();
    await context.close();
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
