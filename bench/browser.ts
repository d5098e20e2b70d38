import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../test/e2e/support/chromium';

/**
 * tsx compiles with esbuild's keepNames, which wraps every named inner function in `__name(fn, "name")`.
 * Functions handed to `page.evaluate` or `addInitScript` are sent as source text, so the page needs a
 * `__name` of its own or they throw "__name is not defined". This identity stand-in is all they need.
 */
const keepNamesShim = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export interface BenchBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
}

/** Debian's Chromium (as the e2e tests use it), one context with the e2e viewport and locale. */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript({ content: keepNamesShim });
    return { browser, context };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
