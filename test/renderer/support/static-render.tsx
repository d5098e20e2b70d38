import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fail } from '../../../src-shared/contract/result';
import { ServicesProvider, type AppServices } from '../../../src-renderer/components/services';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import { I18nProvider } from '../../../src-renderer/i18n/i18n';
import { testClock } from '../data/support/test-database';

export type TestLang = 'zh-CN' | 'en';

/** A language store that starts in zh-CN, or in English; what the page would save is dropped. */
export function langStorage(lang: TestLang = 'zh-CN'): Storage {
  return {
    length: 0,
    clear: () => undefined,
    getItem: () => (lang === 'en' ? 'en' : null),
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
}

/** Services over `db` whose main refuses every call (E_NOT_AVAILABLE); `client` replaces that main. */
export function testServices(db: ScorebookDb, client?: AppServices['client']): AppServices {
  return {
    client: client ?? { call: () => Promise.resolve(fail('E_NOT_AVAILABLE', 'not in this test', { feature: 'test' })) },
    db,
    now: testClock().now,
    newId: () => 'id',
    transport: 'web',
  };
}

/**
 * Renders to static HTML in `lang` (no DOM: effects do not run, lazy charts show their fallback), inside the services
 * when the component needs them.
 */
export function renderStatic(node: ReactNode, options: { lang?: TestLang; services?: AppServices } = {}): string {
  const { lang = 'zh-CN', services } = options;
  return renderToStaticMarkup(
    <I18nProvider storage={langStorage(lang)}>
      {services === undefined ? node : <ServicesProvider services={services}>{node}</ServicesProvider>}
    </I18nProvider>,
  );
}
