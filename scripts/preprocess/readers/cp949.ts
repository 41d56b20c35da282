/**
 * CP949 (Unified Hangul Code) decoder. Node's "euc-kr" TextDecoder (ICU, Node 24.21) decodes only
 * KS X 1001. It turns the 8,822 Hangul syllables that CP949 adds into a C1 control character and an
 * ASCII letter each, with no error even when `fatal` is set, which would corrupt such documents.
 * The extension is algorithmic. The syllables missing from KS X 1001 fill, in Unicode order, the
 * lead bytes 0x81-0xC6 with the trail bytes 0x41-0x5A, 0x61-0x7A and 0x81-0xFE. Lead bytes from
 * 0xA1 on take only the trail bytes below 0xA1, because the rest belong to KS X 1001.
 */
let table: Map<number, string> | null = null;
/** Hangul syllables in KS X 1001: the 2,350 common ones that ordinary Korean text mostly uses. */
let commonSyllables: Set<number> | null = null;

function buildTable(): Map<number, string> {
  const ksx1001 = new TextDecoder("euc-kr");
  const map = new Map<number, string>();
  const covered = new Set<number>();
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const character = ksx1001.decode(Uint8Array.of(lead, trail));
      if (character.length !== 1 || character === "\ufffd") continue;
      map.set((lead << 8) | trail, character);
      covered.add(character.charCodeAt(0));
    }
  }
  commonSyllables = covered;
  const extension: string[] = [];
  for (let code = 0xac00; code <= 0xd7a3; code++) if (!covered.has(code)) extension.push(String.fromCharCode(code));
  let next = 0;
  for (let lead = 0x81; lead <= 0xc6 && next < extension.length; lead++) {
    for (let trail = 0x41; trail <= 0xfe && next < extension.length; trail++) {
      const isTrail = (trail <= 0x5a || (trail >= 0x61 && trail <= 0x7a) || trail >= 0x81) && (lead < 0xa1 || trail < 0xa1);
      if (isTrail) map.set((lead << 8) | trail, extension[next++]!);
    }
  }
  return map;
}

/** Decodes CP949 (a superset of EUC-KR); returns null at the first byte sequence it does not map. */
export function decodeCp949(bytes: Uint8Array): string | null {
  table ??= buildTable();
  let output = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      output += String.fromCharCode(byte);
      continue;
    }
    const character = table.get((byte << 8) | (bytes[i + 1] ?? 0));
    if (character === undefined) return null;
    output += character;
    i++;
  }
  return output;
}

/**
 * Returns true when `text` reads like Korean rather than another legacy encoding decoded as
 * CP949: Korean text uses mostly the common KS X 1001 syllables, while Shift_JIS or Big5 bytes
 * read as CP949 give mostly rare extension syllables.
 */
export function looksLikeKorean(text: string): boolean {
  table ??= buildTable();
  let hangul = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xac00 || code > 0xd7a3) continue;
    hangul++;
    if (commonSyllables!.has(code)) common++;
  }
  return hangul === 0 || common / hangul >= 0.5;
}
