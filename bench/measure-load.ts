import type { BrowserContext } from '@playwright/test';

/** What must be on screen, with this text, for the page to count as rendered. */
export interface ReadyCheck {
  readonly selector: string;
  readonly text: string;
}

export interface LoadSample {
  /** performance.now() (ms since navigation start) when every check is met, seen by a MutationObserver. */
  readonly readyMs: number;
  /** The first animation frame after that: the frame that paints it. */
  readonly frameMs: number;
  /** Context from Navigation and Resource Timing: when the entry module had run, when its bytes had arrived. */
  readonly domContentLoadedMs: number;
  readonly entryScriptLoadedMs: number;
  /** Chromium's own counters (CDP `Performance.getMetrics`), read just after ready: main-thread time by kind. */
  readonly scriptMs: number;
  readonly layoutMs: number;
  readonly styleMs: number;
  readonly taskMs: number;
}

interface PageResult {
  readonly ready: number;
  readonly frame: number;
}

/**
 * Installed before any page script: watches the DOM and records the moment every check is met by a
 * visible element containing its text. The time is the page's own clock, so it starts at navigation.
 */
function watchForReady(checks: readonly ReadyCheck[]): void {
  const target = window as unknown as { __benchReady?: Promise<PageResult> };
  target.__benchReady = new Promise<PageResult>((resolve) => {
    // The text test first: checkVisibility() needs fresh style, and forcing a style pass on every
    // mutation batch of the loading page would slow down the very load being timed.
    const met = (): boolean =>
      checks.every((check) => {
        const element = document.querySelector(check.selector);
        return element !== null && (element.textContent ?? '').includes(check.text) && element.checkVisibility();
      });
    const observer = new MutationObserver(() => {
      if (!met()) return;
      const ready = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => resolve({ ready, frame: performance.now() }));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * (c) Cold load: a fresh page with the browser cache disabled (CDP `Network.setCacheDisabled`, which
 * also disables V8's code cache, as it hangs off the HTTP cache) navigates straight to `url`.
 * The database, the stored token and the host stay warm: this is a restart of the window, not of the disk.
 */
export async function measureColdLoads(
  context: BrowserContext,
  url: string,
  checks: readonly ReadyCheck[],
  repetitions: number,
): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Performance.enable');
      await page.addInitScript(watchForReady, checks);
      await page.goto(url, { waitUntil: 'commit' });
      const result = await page.evaluate(async () => {
        const target = window as unknown as { __benchReady?: Promise<PageResult> };
        if (target.__benchReady === undefined) throw new Error('the ready watcher was not installed');
        const timing = await Promise.race([
          target.__benchReady,
          new Promise<never>((_resolve, reject) =>
            setTimeout(() => reject(new Error('the page was not ready within 30 s')), 30_000),
          ),
        ]);
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
        const script = performance.getEntriesByName(entry ?? '', 'resource')[0] as
          PerformanceResourceTiming | undefined;
        return {
          readyMs: timing.ready,
          frameMs: timing.frame,
          domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
          entryScriptLoadedMs: script?.responseEnd ?? Number.NaN,
        };
      });
      const { metrics } = await cdp.send('Performance.getMetrics');
      const seconds = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
      samples.push({
        ...result,
        scriptMs: seconds('ScriptDuration'),
        layoutMs: seconds('LayoutDuration'),
        styleMs: seconds('RecalcStyleDuration'),
        taskMs: seconds('TaskDuration'),
      });
      await cdp.detach();
    } finally {
      await page.close();
    }
  }
  return samples;
}
