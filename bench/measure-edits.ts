import type { Page } from '@playwright/test';

/** Two percents in one band (50%–65%), so alternating them never needs a band change. */
const alternating = [55, 60] as const;

export interface WriteSamples {
  /** `scorebook:write` measures: start of the write to the committed transaction, in the page. */
  readonly writeMs: number[];
  /** Click sent by Playwright to "saved" seen by Playwright: includes the driver's own round trips. */
  readonly roundTripMs: number[];
}

export interface TotalSamples {
  /** Programmatic click to the MutationObserver callback on the total. */
  readonly mutationMs: number[];
  /** Programmatic click to the first animation frame after that mutation. */
  readonly frameMs: number[];
  /** The `scorebook:write` measures of these changes: (a) again, without the driver in the way. */
  readonly writeMs: number[];
}

/** Opens an applicant's scorebook on item `itemId` and selects the band the alternating percents live in. */
export async function openScorebook(page: Page, origin: string, path: string, itemId: string): Promise<void> {
  await page.goto(`${origin}/${path}`);
  await page.locator('#item-heading').filter({ hasText: itemId }).waitFor();
  await page.getByRole('radio', { name: '50%–65%', exact: false }).check();
}

/** The value to pick first: the one not already checked, or the click would change nothing. */
async function firstIndex(page: Page): Promise<number> {
  const checked = await page.getByRole('radio', { name: new RegExp(`^${alternating[0]}%（`) }).isChecked();
  return checked ? 1 : 0;
}

async function waitForWrites(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      performance.getEntriesByName('scorebook:write').length >= n &&
      document.querySelector('[data-testid="save-indicator"]')?.getAttribute('data-status') === 'saved',
    count,
    { timeout: 30_000 },
  );
}

/**
 * (a) Item score change → committed write: clicks percent radios alternately like an expert would,
 * waiting for "saved" each time, then reads the app's own `scorebook:write` measures.
 */
export async function measureWrites(page: Page, repetitions: number): Promise<WriteSamples> {
  await page.evaluate(() => performance.clearMeasures('scorebook:write'));
  const offset = await firstIndex(page);
  const roundTripMs: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    const percent = alternating[(i + offset) % 2];
    const started = performance.now();
    await page.getByRole('radio', { name: new RegExp(`^${String(percent)}%（`) }).click();
    await waitForWrites(page, i + 1);
    roundTripMs.push(performance.now() - started);
  }
  const writeMs = await page.evaluate(() =>
    performance.getEntriesByName('scorebook:write').map((entry) => entry.duration),
  );
  if (writeMs.length !== repetitions)
    throw new Error(`expected ${repetitions} scorebook:write measures, found ${writeMs.length}`);
  return { writeMs, roundTripMs };
}

/**
 * (b) Change → updated total on screen, timed inside the page so no driver latency is counted: a
 * MutationObserver on the total, a programmatic `click()` on a percent radio, and the first animation
 * frame after the mutation. Each repetition waits for its write to commit before the next starts.
 */
export async function measureTotalUpdates(page: Page, repetitions: number, itemId: string): Promise<TotalSamples> {
  const offset = await firstIndex(page);
  return page.evaluate(
    async ({ repetitions, itemId, values, offset }) => {
      performance.clearMeasures('scorebook:write');
      const mutationMs: number[] = [];
      const frameMs: number[] = [];
      const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < repetitions; i += 1) {
        const value = values[(i + offset) % values.length] ?? 0;
        const total = document.querySelector('[data-testid="sheet-total"]');
        const input = document.querySelector<HTMLInputElement>(
          `input[type="radio"][name="item-${itemId}-percent"][value="${String(value)}"]`,
        );
        if (total === null || input === null) throw new Error(`no total or no ${String(value)}% radio on screen`);
        const writesBefore = performance.getEntriesByName('scorebook:write').length;
        let started = 0;
        const timing = new Promise<{ mutation: number; frame: number }>((resolve, reject) => {
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error('the total did not change within 5 s'));
          }, 5000);
          const observer = new MutationObserver(() => {
            const mutation = performance.now() - started;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve({ mutation, frame: performance.now() - started }));
          });
          observer.observe(total, { childList: true, subtree: true, characterData: true });
        });
        started = performance.now();
        input.click();
        const { mutation, frame } = await timing;
        mutationMs.push(mutation);
        frameMs.push(frame);
        // Let the write commit (and the indicator say so) before the next change, as in (a).
        while (
          performance.getEntriesByName('scorebook:write').length <= writesBefore ||
          document.querySelector('[data-testid="save-indicator"]')?.getAttribute('data-status') !== 'saved'
        )
          await nextFrame();
      }
      const writeMs = performance.getEntriesByName('scorebook:write').map((entry) => entry.duration);
      return { mutationMs, frameMs, writeMs };
    },
    { repetitions, itemId, values: [...alternating], offset },
  );
}
