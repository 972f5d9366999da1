// The UI language: Bengali by default, switchable, remembered on the device. Looks up UI
// keys here and shared keys (states, errors, notifications) in @nalish/domain.
//
// The shell carries the shared strings and the consumer's (the pages a consumer's phone opens
// first, and offline); the merchant portal and the regulator console add theirs when their
// chunk loads (addStrings), so a consumer never downloads the strings of the other areas.
import { type Locale, type MessageKey, type Params, formatBdt, formatDate, formatDateTime, formatNumber, hasMessage, t as domainT, trackingCodeText } from '@nalish/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setRequestLanguage } from '../api.ts';
import { commonBn } from './common.bn.ts';
import { commonEn } from './common.en.ts';
import { consumerBn } from './consumer.bn.ts';
import { consumerEn } from './consumer.en.ts';
import type { UiKey } from './en.ts';

/** One area's strings in both languages (the type checker holds both to the same keys). */
export interface AreaStrings<K extends UiKey = UiKey> {
  bn: Record<K, string>;
  en: Record<K, string>;
}

const LOADED: Record<Locale, Partial<Record<UiKey, string>>> = { bn: { ...commonBn, ...consumerBn }, en: { ...commonEn, ...consumerEn } };

/** An area's strings, added by the area's own chunk when it loads. */
export function addStrings<K extends UiKey>(strings: AreaStrings<K>): void {
  Object.assign(LOADED.bn, strings.bn);
  Object.assign(LOADED.en, strings.en);
}

const STORAGE_KEY = 'nalish.locale';

/** Numbers in the locale's digits; {code} is always a tracking code, in the reader's digits. */
function fill(text: string, locale: Locale, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (name === 'code' && typeof v === 'string') return trackingCodeText(locale, v);
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

function initialLocale(): Locale {
  // The widget's frame speaks the shop page's language, whatever this device chose on the site.
  if (typeof location !== 'undefined' && location.pathname.startsWith('/embed/')) {
    const lang = new URLSearchParams(location.search).get('lang');
    return lang === 'en' ? 'en' : 'bn';
  }
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'bn' ? saved : 'bn';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setRequestLanguage(l);
    return l;
  });
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setRequestLanguage(l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params = {}) => {
        const text = LOADED[locale][key as UiKey];
        return text !== undefined ? fill(text, locale, params) : hasMessage(key) ? domainT(locale, key, params) : key;
      },
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
