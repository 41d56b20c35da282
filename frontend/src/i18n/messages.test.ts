import { describe, expect, it } from "vitest";

import { errorFormatters } from "../lib/decode-error.ts";
import { KNOWN_CONTRACT_ERRORS } from "./error-copy.ts";
import { messages } from "./messages.ts";
import { localeFromLanguages, parseLocale } from "./locale.ts";

type Tree = { [key: string]: unknown };

/** Returns every leaf key of a copy tree, as dotted paths. */
function leafKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? leafKeys(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leafAt(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], tree);
}

/** Sample arguments for copy functions, enough for every parameter list in the copy. */
const SAMPLE_ARGS = ["a", "b", "c"];

describe("copy", () => {
  const english = leafKeys(messages.en as unknown as Tree).sort();
  const korean = leafKeys(messages.ko as unknown as Tree).sort();

  it("has the same keys in English and Korean", () => {
    expect(korean).toEqual(english);
  });

  it("fills every key with non-empty text in both languages", () => {
    const format = errorFormatters("en");
    for (const locale of ["en", "ko"] as const) {
      for (const key of english) {
        const leaf = leafAt(messages[locale] as unknown as Tree, key);
        const text =
          typeof leaf === "function"
            ? key.startsWith("errors.contract.")
              ? (leaf as (args: unknown[], f: typeof format) => string)([0n, 1n, 2n], format)
              : (leaf as (...args: string[]) => string)(...SAMPLE_ARGS)
            : leaf;
        expect(typeof text, `${locale}.${key}`).toBe("string");
        expect((text as string).trim(), `${locale}.${key}`).not.toBe("");
      }
    }
  });

  it("has copy for every known contract error", () => {
    for (const name of KNOWN_CONTRACT_ERRORS) {
      expect(messages.en.errors.contract[name], name).toBeTypeOf("function");
      expect(messages.ko.errors.contract[name], name).toBeTypeOf("function");
    }
  });

  it("writes Korean sentences in one register (해요체)", () => {
    // 합니다체 endings mixed into 해요체 copy read as two products; none may slip in.
    const korean = JSON.stringify(messages.ko);
    expect(korean).not.toMatch(/(습니다|합니다|십시오)/);
  });
});

describe("language choice", () => {
  it("prefers Korean when the browser lists it first", () => {
    expect(localeFromLanguages(["ko-KR", "en-US"])).toBe("ko");
    expect(localeFromLanguages(["en-GB", "ko"])).toBe("en");
    expect(localeFromLanguages(["ja-JP", "ko"])).toBe("ko");
    expect(localeFromLanguages(["de-DE"])).toBe("en");
  });

  it("accepts only supported stored values", () => {
    expect(parseLocale("ko")).toBe("ko");
    expect(parseLocale("fr")).toBeUndefined();
    expect(parseLocale(null)).toBeUndefined();
  });
});
