/** The copy of each language, by locale. */
import { en, type Messages } from "./en.ts";
import { ko } from "./ko.ts";
import type { Locale } from "./locale.ts";

export type { Messages };

export const messages: Record<Locale, Messages> = { en, ko };
