import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatTemplate, type Lang } from '../../src-shared/contract/error-messages';
import type { BilingualText } from '../../src-shared/criteria/criteria-schema';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-cn';

const storageKey = 'scorebook.lang';

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
  /** Picks the current language from bilingual data (criteria names, descriptors). */
  readonly pick: (text: BilingualText) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** zh-CN unless the user chose English before; the choice persists on this machine. */
export function initialLang(storage: Pick<Storage, 'getItem'>): Lang {
  return storage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ storage, children }: { storage: Storage; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang(storage));
  const setLang = useCallback(
    (next: Lang) => {
      storage.setItem(storageKey, next);
      document.documentElement.lang = next;
      setLangState(next);
    },
    [storage],
  );
  const value = useMemo<I18n>(() => {
    const dictionary = lang === 'en' ? en : zhCN;
    return {
      lang,
      setLang,
      t: (key, params) => formatTemplate(dictionary[key], params),
      pick: (text) => text[lang],
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error('useI18n outside I18nProvider');
  return value;
}
