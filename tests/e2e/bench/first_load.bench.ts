// Benchmark 3 of BENCHMARKS.md: what a first visit downloads before the page can be used. The
// default view is opened in a fresh profile with the service worker blocked (its precache of
// every other file runs after the load, in the background, and is reported apart), and every
// request of the page is recorded until the network is idle. Printed as one line
// `FIRSTLOAD name name …` (paths under the site's root) that `cargo xtask bench` reads; it adds
// the sizes from dist/.
import { test, expect } from '../fixtures/app';

test.use({ serviceWorkers: 'block' });

test('first load of the default view', async ({ app, page, baseURL }) => {
  const root = new URL(baseURL!);
  const names = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === root.origin) names.add(url.pathname.replace(/^\//, '') || 'index.html');
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(app.traffic.foreign).toEqual([]);
  expect(app.traffic.failed).toEqual([]);
  console.log(`FIRSTLOAD ${[...names].sort().join(' ')}`);
});
