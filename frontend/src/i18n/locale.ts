/** The languages of the web app. */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** Key under which the chosen language is remembered in localStorage. */
export const LOCALE_STORAGE_KEY = "1tt.locale";

/** Returns Korean when the browser prefers it over English, otherwise English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (primary === "ko") return "ko";
    if (primary === "en") return "en";
  }
  return "en";
}

/** Returns `value` when it names a supported language, otherwise undefined. */
export function parseLocale(value: string | null | undefined): Locale | undefined {
  return LOCALES.find((locale) => locale === value);
}
