// Benchmark 4 of BENCHMARKS.md: how long the page takes to recompute after an edit of a
// 10-year, 3-city dataset, from the input event to the updated DOM (and chart), median of
// repeated runs. Printed as one JSON line `RECOMPUTE {...}` that `cargo xtask bench` reads.
//
// Three paths are timed, all inside the page with performance.now() so Playwright's own
// round trips are not counted; each ends at the next animation frame after the DOM holds the
// change (the browser is about to paint it):
//   edit    – one cell of the pasted sheet changes: parse, validate, preview grid updated;
//   accept  – "Add to my data": the workspace replaced, saved, the city list updated;
//   view    – opening the air-quality view on that workspace: compliance table and the PM2.5
//             chart of the three cities drawn.
import { test, expect } from '../fixtures/app';

const CITIES = ['甲市', '乙市', '丙市'];
const YEARS = Array.from({ length: 10 }, (_, i) => 2013 + i);
const HEADER = ['城市', '年份', 'PM2.5', 'PM10', '二氧化硫', '二氧化氮', '一氧化碳', '臭氧'];

// Deterministic values (a linear congruential generator), decimal commas as from Chinese Excel.
function sheet(edit: number | null): string {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows = [HEADER.join('\t')];
  CITIES.forEach((c, ci) => YEARS.forEach((y, yi) => {
    const v = [60 - 2 * yi + 5 * ci, 100 - 3 * yi, 30 - 2 * yi, 35 - yi, 1.5 - 0.05 * yi, 140 + yi]
      .map((x) => (x * (0.95 + 0.1 * rnd())).toFixed(1).replace('.', ','));
    if (ci === 0 && yi === 0) v[0] = edit === null ? '' : `${edit},5`;
    rows.push([c, String(y), ...v].join('\t'));
  }));
  return rows.join('\n');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

test('recompute after an edit of a 10-year, 3-city dataset', async ({ app, page }) => {
  const runs = Number(process.env.RENEWAL_BENCH_RUNS ?? 15);
  await app.open('en', 'data');
  const box = page.getByLabel('Paste your table here');
  await box.fill(sheet(40));
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toBeVisible();

  const times = { edit: [] as number[], accept: [] as number[], view: [] as number[] };
  // In-page helpers: wait (yielding to the event loop) until a condition holds, at most 10 s;
  // then the next animation frame, so style and layout of the change are included.
  await page.evaluate(() => {
    const w = window as any;
    w.__until = async (cond: () => boolean, what: string) => {
      const t0 = performance.now();
      while (!cond()) {
        if (performance.now() - t0 > 10_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    w.__frames = () => new Promise((r) => requestAnimationFrame(r));
  });
  for (let i = 0; i < runs; i++) {
    // Edit: set the textarea as typing would (alternately emptying one cell and filling it
    // again) and wait for the preview's count of accepted values to change.
    const value = i % 2 === 0 ? null : 41 + i;
    times.edit.push(await page.evaluate(async ({ text, needle }) => {
      const w = window as any;
      const ta = document.querySelector('textarea') as HTMLTextAreaElement;
      const t0 = performance.now();
      ta.value = text;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await w.__until(() => document.querySelector('main')!.textContent!.includes(needle), needle);
      await w.__frames();
      return performance.now() - t0;
    }, { text: sheet(value), needle: value === null ? '179 values accepted' : '180 values accepted' }));

    // Accept: the handler runs synchronously; the effects it schedules (saving, the city list)
    // run in the tasks that follow, before the frames.
    times.accept.push(await page.evaluate(async () => {
      const w = window as any;
      const button = Array.from(document.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === 'Add to my data') as HTMLButtonElement;
      const t0 = performance.now();
      button.click();
      await new Promise((r) => setTimeout(r, 0));
      await w.__frames();
      return performance.now() - t0;
    }));

    // The air-quality view recomputed from the workspace: its tables and chart drawn.
    times.view.push(await page.evaluate(async () => {
      const w = window as any;
      const t0 = performance.now();
      location.hash = '#/air';
      await w.__until(() => !!document.querySelector('main .chart svg'), 'the chart');
      await w.__frames();
      return performance.now() - t0;
    }));
    await page.evaluate(() => { location.hash = '#/data'; });
    await expect(box).toBeVisible();
  }
  expect(app.traffic.consoleErrors).toEqual([]);
  const summary = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, {
    median_ms: Number(median(v.filter(Number.isFinite)).toFixed(1)),
    min_ms: Number(Math.min(...v).toFixed(1)),
    max_ms: Number(Math.max(...v).toFixed(1)),
    runs: v.length,
  }]));
  console.log(`RECOMPUTE ${JSON.stringify(summary)}`);
});
