/** Counts for one reason why a stage removed or changed documents. */
export interface ReasonCount {
  documents: number;
  /** Tokens that the reason took out of the dataset; 0 for stages that run before counting. */
  tokens: number;
  /** Matches (placeholders inserted, characters dropped) where the reason counts more than documents. */
  occurrences: number;
}

/** A short, already redacted excerpt that shows a contributor what a reason looks like. */
export interface Example {
  reason: string;
  excerpt: string;
}

/** Counts of one stage: documents and tokens in and out, removals and changes by reason. The report is built from these counts alone. */
export interface StageStats {
  stage: string;
  documentsIn: number;
  documentsOut: number;
  tokensIn: number;
  tokensOut: number;
  removed: Record<string, ReasonCount>;
  changed: Record<string, ReasonCount>;
  /** Documents and tokens entering the stage per detected language, for stages that detect it. */
  languages: Record<string, { documents: number; tokens: number }>;
  examples: Example[];
}

/**
 * One step of the pipeline. `apply` returns the document to pass on (the same object, possibly
 * with new text) or null when the stage removed it. Either way it records the reason in `stats`.
 * Per-document stages run in worker threads on `Doc`; the dedup stages run once over the whole
 * input in content-hash order on `DocEntry`.
 */
export interface Stage<D> {
  readonly name: string;
  /** Settings that change the stage's output; they are hashed into the pipeline id. */
  readonly settings: Record<string, unknown>;
  readonly stats: StageStats;
  apply(doc: D): D | null;
}

/** Number of examples kept per reason, chosen by the smallest excerpt hash so the choice is stable. */
export const EXAMPLES_PER_REASON = 3;

export function createStats(stage: string): StageStats {
  return { stage, documentsIn: 0, documentsOut: 0, tokensIn: 0, tokensOut: 0, removed: {}, changed: {}, languages: {}, examples: [] };
}

function bump(table: Record<string, ReasonCount>, reason: string, tokens: number, occurrences: number): void {
  const entry = (table[reason] ??= { documents: 0, tokens: 0, occurrences: 0 });
  entry.documents += 1;
  entry.tokens += tokens;
  entry.occurrences += occurrences;
}

export function countRemoved(stats: StageStats, reason: string, tokens: number, occurrences = 1): void {
  bump(stats.removed, reason, tokens, occurrences);
}

export function countChanged(stats: StageStats, reason: string, tokens: number, occurrences: number): void {
  bump(stats.changed, reason, tokens, occurrences);
}

/** Adds the counts of `from` into `into`; addition keeps the totals independent of shard order. */
export function mergeStats(into: StageStats, from: StageStats): void {
  into.documentsIn += from.documentsIn;
  into.documentsOut += from.documentsOut;
  into.tokensIn += from.tokensIn;
  into.tokensOut += from.tokensOut;
  for (const [table, source] of [
    [into.removed, from.removed],
    [into.changed, from.changed],
  ] as const) {
    for (const [reason, count] of Object.entries(source)) {
      const entry = (table[reason] ??= { documents: 0, tokens: 0, occurrences: 0 });
      entry.documents += count.documents;
      entry.tokens += count.tokens;
      entry.occurrences += count.occurrences;
    }
  }
  for (const [language, count] of Object.entries(from.languages)) {
    const entry = (into.languages[language] ??= { documents: 0, tokens: 0 });
    entry.documents += count.documents;
    entry.tokens += count.tokens;
  }
  into.examples = selectExamples([...into.examples, ...from.examples]);
}

/** Keeps at most EXAMPLES_PER_REASON distinct examples per reason, ordered by reason and excerpt. */
export function selectExamples(examples: Example[]): Example[] {
  const sorted = [...examples].sort((a, b) =>
    a.reason === b.reason ? compareStrings(a.excerpt, b.excerpt) : compareStrings(a.reason, b.reason),
  );
  const kept: Example[] = [];
  const keptPerReason = new Map<string, number>();
  for (const example of sorted) {
    const last = kept[kept.length - 1];
    if (last && last.reason === example.reason && last.excerpt === example.excerpt) continue;
    const count = keptPerReason.get(example.reason) ?? 0;
    if (count >= EXAMPLES_PER_REASON) continue;
    keptPerReason.set(example.reason, count + 1);
    kept.push(example);
  }
  return kept;
}

/** Compares by UTF-16 code units, which unlike localeCompare gives the same order on every machine. */
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
