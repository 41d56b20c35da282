import { LOCALES } from "../i18n/locale.ts";
import { useI18n } from "../hooks/useI18n.ts";

/** Buttons to choose the language; the choice is remembered. */
export function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n();
  return (
    <div role="group" aria-label={t.language.label} className="language-switch">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {t.language[option]}
        </button>
      ))}
    </div>
  );
}
