// The UI language: Bengali by default, switchable, remembered on the device. Looks up UI
// keys here and shared keys (states, errors, notifications) in @nalish/domain.
import { type Locale, type MessageKey, type Params, formatBdt, formatDate, formatDateTime, formatNumber, hasMessage, t as domainT } from '@nalish/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bn } from './bn.ts';
import { en, type UiKey } from './en.ts';

export const UI: Record<Locale, Record<UiKey, string>> = { bn, en };
const STORAGE_KEY = 'nalish.locale';

function fill(text: string, locale: Locale, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: UiKey | MessageKey, params?: Params): string;
  date(d: Date | string): string;
  dateTime(d: Date | string): string;
  number(n: number): string;
  bdt(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

export function initialLocale(): Locale {
  // The widget's frame speaks the shop page's language, whatever this device chose on the site.
  if (typeof location !== 'undefined' && location.pathname.startsWith('/embed/')) {
    const lang = new URLSearchParams(location.search).get('lang');
    return lang === 'en' ? 'en' : 'bn';
  }
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'bn' ? saved : 'bn';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params = {}) => (key in UI[locale] ? fill(UI[locale][key as UiKey], locale, params) : hasMessage(key) ? domainT(locale, key, params) : key),
      date: (d) => formatDate(locale, new Date(d)),
      dateTime: (d) => formatDateTime(locale, new Date(d)),
      number: (n) => formatNumber(locale, n),
      bdt: (n) => formatBdt(locale, n),
    }),
    [locale, setLocale],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
