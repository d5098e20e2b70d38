import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fail } from '../../../../../src-shared/contract/result';
import { ServicesProvider, type AppServices } from '../../../../../src-renderer/components/services';
import type { ScorebookDb } from '../../../../../src-renderer/data/database';
import { I18nProvider } from '../../../../../src-renderer/i18n/i18n';
import { testClock } from '../../../data/support/test-database';

/** A language store that always starts in zh-CN, or in English. */
function storage(lang: 'zh-CN' | 'en'): Storage {
  return {
    length: 0,
    clear: () => undefined,
    getItem: () => (lang === 'en' ? 'en' : null),
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
}

/** Renders to static HTML (no DOM: effects do not run, lazy charts show their fallback) with services that refuse calls. */
export function renderHtml(node: ReactNode, db: ScorebookDb, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const services: AppServices = {
    client: { call: () => Promise.resolve(fail('E_NOT_AVAILABLE', 'not in this test', { feature: 'test' })) },
    db,
    now: testClock().now,
    newId: () => 'id',
    transport: 'web',
  };
  return renderToStaticMarkup(
    <I18nProvider storage={storage(lang)}>
      <ServicesProvider services={services}>{node}</ServicesProvider>
    </I18nProvider>,
  );
}
