/**
 * The chosen language for the whole app: the remembered choice, else the browser's preferred
 * language. Choosing one stores it and sets the document's `lang` attribute.
 */
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";

import { LOCALE_STORAGE_KEY, localeFromLanguages, parseLocale, type Locale } from "./locale.ts";
import { messages, type Messages } from "./messages.ts";

export interface I18nValue {
  locale: Locale;
  t: Messages;
  setLocale(locale: Locale): void;
}

export const I18nContext = createContext<I18nValue | undefined>(undefined);

/** Returns the remembered language, else the browser's. */
export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, policies); the browser language still applies.
  }
  return parseLocale(stored) ?? localeFromLanguages(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered when storage is blocked; the choice still holds for this page.
    }
  }, []);

  const value = useMemo(() => ({ locale, t: messages[locale], setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
