import { useContext } from "react";

import { I18nContext, type I18nValue } from "../i18n/I18nProvider.tsx";

/** Returns the current language, its copy and the setter; must be used under `I18nProvider`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
