import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeCp949 } from "../../scripts/preprocess/readers/cp949.ts";
import { decodeBytes, firstInvalidUtf8Offset } from "../../scripts/preprocess/readers/decode.ts";

// Byte pairs from the CP949 code page (Python's cp949 codec agrees): the first and last
// extension syllables, a few in between, and KS X 1001 syllables for contrast.
const CP949_VECTORS: Array<[string, string]> = [
  ["8141", "갂"],
  ["8c63", "똠"],
  ["94ee", "뷁"],
  ["c164", "햏"],
  ["c652", "힣"],
  ["beb1", "쓩"],
  ["c8fe", "힝"],
  ["b0a1", "가"],
];

describe("CP949 decoding", () => {
  for (const [hex, expected] of CP949_VECTORS) {
    test(`decodes ${hex} as ${expected}`, () => {
      assert.equal(decodeCp949(Buffer.from(hex, "hex")), expected);
    });
  }

  test("keeps ASCII between syllables", () => {
    assert.equal(decodeCp949(Buffer.from("8c6320414220b0a1", "hex")), "똠 AB 가");
  });

  test("rejects a lead byte without its trail", () => {
    assert.equal(decodeCp949(Buffer.from("b0", "hex")), null);
  });
});

describe("decodeBytes", () => {
  test("prefers UTF-8", () => {
    assert.deepEqual(decodeBytes(Buffer.from("한국어", "utf8")), { text: "한국어", encoding: "utf-8" });
  });

  test("decodes UTF-16 with a BOM", () => {
    assert.deepEqual(decodeBytes(Buffer.from("\ufeff한국", "utf16le")), { text: "한국", encoding: "utf-16le" });
  });

  test("names Shift_JIS", () => {
    const result = decodeBytes(Buffer.from("82a082a282a4", "hex"));
    assert.ok("error" in result);
    assert.match(result.error, /looks like Shift_JIS.*iconv -f Shift_JIS -t UTF-8/);
  });

  test("finds the first invalid UTF-8 byte", () => {
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0x41, 0xc3, 0xa9, 0xff])), 3);
  });
});
