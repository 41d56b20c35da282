/** Every sentence of the report page in one language. */
export interface ReportText {
  lang: "en" | "ko";
  languageName: string;
  title: string;
  intro: string;
  summary: {
    tokens: string;
    tokensNote: string;
    documentsIn: string;
    documentsKept: string;
    datasetId: string;
    pipelineId: string;
    tokenizer: string;
    index: string;
    indexNone: string;
    indexState: (sequence: number, sources: number) => string;
  };
  stagesTitle: string;
  stagesIntro: string;
  stageColumns: { stage: string; documentsIn: string; removed: string; tokensRemoved: string; changed: string };
  stages: Record<string, { label: string; description: string }>;
  reasonsTitle: string;
  reasonsIntro: string;
  reasonColumns: { stage: string; reason: string; documents: string; tokens: string; occurrences: string };
  reasons: Record<string, string>;
  noReasons: string;
  languagesTitle: string;
  languagesIntro: string;
  languageColumns: { language: string; documentsIn: string; documentsKept: string; tokensKept: string; share: string };
  languages: Record<string, string>;
  examplesTitle: string;
  examplesIntro: string;
  removedExamplesTitle: string;
  removedExamplesIntro: string;
  noExamples: string;
  rejectedTitle: string;
  rejectedIntro: (total: number, listed: number) => string;
  skippedTitle: string;
  noProblems: string;
  reproduceTitle: string;
  reproduceIntro: string;
  settingsTitle: string;
}
