/**
 * Locale-aware formatting of token amounts, counts, shares and dates. Token amounts stay bigint
 * from the chain to the screen: a float cannot hold 18-decimal amounts exactly.
 */
import type { Locale } from "../i18n/locale.ts";

/** Basis points in 100%, as in the splitter's `BPS_DENOMINATOR`. */
export const BPS_DENOMINATOR = 10_000n;
/** Korea Standard Time, shown beside UTC because most contributors account in it. */
export const KST_TIME_ZONE = "Asia/Seoul";

const intlLocale: Record<Locale, string> = { en: "en-US", ko: "ko-KR" };

/** Returns the BCP 47 tag that `Intl` formatters use for `locale`. */
export function intlTag(locale: Locale): string {
  return intlLocale[locale];
}

/** Formats an integer (a token count, a block number) with the locale's grouping. */
export function formatInteger(value: bigint | number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 0 }).format(value);
}

/**
 * Formats `raw` base units of a token with `decimals` decimals, exactly: every significant
 * fractional digit is kept and trailing zeros are dropped, e.g. 1234500000 with 6 decimals is
 * "1,234.5" in English.
 */
export function formatTokenAmount(raw: bigint, decimals: number, locale: Locale): string {
  const negative = raw < 0n;
  const magnitude = negative ? -raw : raw;
  const scale = 10n ** BigInt(decimals);
  const whole = magnitude / scale;
  const fraction = (magnitude % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  const grouped = formatInteger(whole, locale);
  const text = fraction === "" ? grouped : `${grouped}${decimalSeparator(locale)}${fraction}`;
  return negative ? `-${text}` : text;
}

/** Formats `raw` base units with the token symbol after the number, as both locales write it. */
export function formatTokenWithSymbol(raw: bigint, decimals: number, symbol: string, locale: Locale): string {
  return `${formatTokenAmount(raw, decimals, locale)} ${symbol}`;
}

/** Returns `raw` as a plain decimal string without grouping, for CSV files and inputs. */
export function toDecimalString(raw: bigint, decimals: number): string {
  const negative = raw < 0n;
  const magnitude = negative ? -raw : raw;
  const scale = 10n ** BigInt(decimals);
  const fraction = (magnitude % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  const text = fraction === "" ? `${magnitude / scale}` : `${magnitude / scale}.${fraction}`;
  return negative ? `-${text}` : text;
}

/** Thrown when a typed token amount is not a plain non-negative decimal number. */
export class InvalidAmountError extends Error {
  override name = "InvalidAmountError" as const;
  readonly input: string;
  readonly reason: "format" | "decimals";
  readonly decimals: number;

  constructor(input: string, reason: "format" | "decimals", decimals: number) {
    super(`"${input}" is not an amount with at most ${decimals} decimals`);
    this.input = input;
    this.reason = reason;
    this.decimals = decimals;
  }
}

const DECIMAL_INPUT = /^(\d+)(?:\.(\d*))?$/;

/**
 * Parses a typed amount such as "1,234.56" into base units, ignoring grouping commas and spaces.
 * More fractional digits than the token has are rejected instead of rounded, so that what is
 * deposited is what was typed.
 */
export function parseTokenAmount(input: string, decimals: number): bigint {
  const compact = input.replace(/[\s,]/g, "");
  const match = DECIMAL_INPUT.exec(compact);
  if (match === null) throw new InvalidAmountError(input, "format", decimals);
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) throw new InvalidAmountError(input, "decimals", decimals);
  return BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/** Formats basis points as a percentage, e.g. 1500 as "15%". */
export function formatBps(bps: number | bigint, locale: Locale): string {
  return formatRatio(BigInt(bps), BPS_DENOMINATOR, locale);
}

/** Decimals kept when a share is computed as a percentage, before display trims them. */
const PERCENT_DECIMALS = 6;
/** Decimals of a percentage shown on screen. */
const PERCENT_DECIMALS_SHOWN = 4;

/**
 * Formats `part / whole` as a percentage with up to four decimals, rounded down so that the
 * shares on screen never add up to more than 100%.
 */
export function formatRatio(part: bigint, whole: bigint, locale: Locale): string {
  const percentScaled = whole === 0n ? 0n : (part * 100n * 10n ** BigInt(PERCENT_DECIMALS)) / whole;
  const [integer, fraction = ""] = toDecimalString(percentScaled, PERCENT_DECIMALS).split(".");
  const shown = fraction.slice(0, PERCENT_DECIMALS_SHOWN).replace(/0+$/, "");
  const grouped = formatInteger(BigInt(integer!), locale);
  return `${shown === "" ? grouped : `${grouped}${decimalSeparator(locale)}${shown}`}%`;
}

/** A timestamp written in UTC and in Korea Standard Time. */
export interface DualTime {
  utc: string;
  kst: string;
  iso: string;
}

/**
 * Formats a Unix timestamp in seconds in UTC and in KST in one fixed form for files, e.g.
 * "2026-12-04 20:15:00 UTC", so that statements sort and parse the same in every language.
 */
export function formatDualTime(unixSeconds: bigint | number, locale: Locale): DualTime {
  const date = new Date(Number(unixSeconds) * 1_000);
  return {
    utc: `${formatDateTimeIn(date, "UTC", locale)} UTC`,
    kst: `${formatDateTimeIn(date, KST_TIME_ZONE, locale)} KST`,
    iso: date.toISOString(),
  };
}

/**
 * Formats a Unix timestamp in seconds for reading, in the locale's own date style, in KST and in
 * UTC: "Jan 1, 2027, 5:00:00 AM KST" or "2027. 1. 1. 오전 5:00:00 KST".
 */
export function formatReadableTime(unixSeconds: bigint | number, locale: Locale): DualTime {
  const date = new Date(Number(unixSeconds) * 1_000);
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat(intlTag(locale), { timeZone, dateStyle: "medium", timeStyle: "medium" }).format(date);
  return { utc: `${format("UTC")} UTC`, kst: `${format(KST_TIME_ZONE)} KST`, iso: date.toISOString() };
}

/** Formats `date` as "YYYY-MM-DD HH:mm:ss" in `timeZone`, the same in every locale for accounting. */
export function formatDateTimeIn(date: Date, timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(intlTag(locale), {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

/** Shortens an address or hash for display, keeping its start and end: "0x1234…abcd". */
export function shortHex(value: string, visible = 4): string {
  if (value.length <= 2 + visible * 2 + 1) return value;
  return `${value.slice(0, 2 + visible)}…${value.slice(-visible)}`;
}

function decimalSeparator(locale: Locale): string {
  const parts = new Intl.NumberFormat(intlTag(locale)).formatToParts(1.5);
  return parts.find((part) => part.type === "decimal")?.value ?? ".";
}
