import type { ReactNode } from 'react';
import type { ScorebookDb } from '../../../../../src-renderer/data/database';
import { renderStatic, testServices, type TestLang } from '../../../support/static-render';

/** Renders to static HTML (no DOM: effects do not run, lazy charts show their fallback) with services that refuse calls. */
export function renderHtml(node: ReactNode, db: ScorebookDb, lang: TestLang = 'zh-CN'): string {
  return renderStatic(node, { lang, services: testServices(db) });
}
