import { writeFileSync } from "node:fs";
import { join } from "node:path";

const KOREAN_WORDS = ["도서관은", "올해", "자료를", "새로", "공개한다고", "밝혔다", "이용자가", "원문을", "검색할", "수", "있도록", "서비스를", "개선하고", "연구자들은", "기록을", "정리했다", "지역", "주민과", "함께", "전시를"];
const ENGLISH_WORDS = ["the", "library", "said", "it", "will", "publish", "records", "and", "readers", "can", "search", "with", "new", "tools", "that", "of", "archive", "project", "to", "city"];

/** Deterministic pseudo-random generator (mulberry32), so generated corpora are identical on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates `count` documents of mixed Korean and English sentences, with some exact and near
 * duplicates and some personal information, so every stage has work to do.
 */
export function generateDocuments(count: number, seed = 1): string[] {
  const random = createRandom(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    const korean = random() < 0.5;
    const words = korean ? KOREAN_WORDS : ENGLISH_WORDS;
    const sentences = Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
      Array.from({ length: 8 + Math.floor(random() * 8) }, () => pick(words)).join(" ") + (korean ? "다." : "."),
    );
    let text = `${i}번 문서. Document ${i}. ` + sentences.join(" ");
    if (i % 17 === 0) text += ` 연락처 010-${String(1000 + (i % 9000)).padStart(4, "0")}-5678, mail user${i}@example.com`;
    documents.push(text);
    if (i % 23 === 0) documents.push(text);
    if (i % 29 === 0) documents.push(text.replace(/\.$/, "!"));
  }
  return documents;
}

export function writeJsonl(path: string, texts: string[]): string {
  writeFileSync(path, texts.map((text) => JSON.stringify({ text })).join("\n") + "\n");
  return path;
}

/** Splits `texts` over `parts` JSONL files in `dir` and returns their paths. */
export function writeSplit(dir: string, texts: string[], parts: number): string[] {
  const paths: string[] = [];
  for (let part = 0; part < parts; part++) {
    paths.push(writeJsonl(join(dir, `part-${part}.jsonl`), texts.filter((_, i) => i % parts === part)));
  }
  return paths;
}
