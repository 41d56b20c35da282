import type { Report } from "../report.ts";
import type { Example, StageStats } from "../stage.ts";
import { REPORT_CSS } from "./style.ts";
import { korean } from "./text-ko.ts";
import { english } from "./text-en.ts";
import type { ReportText } from "./text.ts";

const PLACEHOLDER = /\[(?:EMAIL|RRN|CARD|PHONE|ACCOUNT|IP)\]/g;

/**
 * Renders the report as one self-contained HTML page with an English and a Korean version
 * (`report.html#ko` opens the Korean one). It reads only the report, so it is as reproducible.
 */
export function renderReportHtml(report: Report): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(english.title)} · ${escapeHtml(korean.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<span id="en"></span><span id="ko"></span>
<header class="bar"><strong>1TT</strong><nav><a href="#en" lang="en">English</a><a href="#ko" lang="ko">한국어</a></nav></header>
${renderLanguage(report, english)}
${renderLanguage(report, korean)}
</body>
</html>
`;
}

function renderLanguage(report: Report, text: ReportText): string {
  return `<section class="lang-${text.lang}" lang="${text.lang}"><main>
<h1>${escapeHtml(text.title)}</h1>
<p class="lead">${escapeHtml(text.intro)}</p>
${renderSummary(report, text)}
<h2>${escapeHtml(text.stagesTitle)}</h2>
<p class="lead">${escapeHtml(text.stagesIntro)}</p>
${renderStages(report.stages, text)}
<h2>${escapeHtml(text.reasonsTitle)}</h2>
<p class="lead">${escapeHtml(text.reasonsIntro)}</p>
${renderReasons(report.stages, text)}
<h2>${escapeHtml(text.languagesTitle)}</h2>
<p class="lead">${escapeHtml(text.languagesIntro)}</p>
${renderLanguages(report, text)}
<h2>${escapeHtml(text.examplesTitle)}</h2>
<p class="lead">${escapeHtml(text.examplesIntro)}</p>
${renderExamples(report.stages.find((stage) => stage.stage === "redact")?.examples ?? [], text)}
<h2>${escapeHtml(text.removedExamplesTitle)}</h2>
<p class="lead">${escapeHtml(text.removedExamplesIntro)}</p>
${renderExamples(report.stages.find((stage) => stage.stage === "quality")?.examples ?? [], text)}
${renderProblems(report, text)}
<h2>${escapeHtml(text.reproduceTitle)}</h2>
<p class="lead">${escapeHtml(text.reproduceIntro)}</p>
<pre>${escapeHtml(reproduceCommand(report))}</pre>
<h2>${escapeHtml(text.settingsTitle)}</h2>
<pre>${escapeHtml(JSON.stringify(report.settings, null, 2))}</pre>
</main></section>`;
}

function renderSummary(report: Report, text: ReportText): string {
  const index = report.index.used ? text.summary.indexState(report.index.sequence, report.index.sources) : text.summary.indexNone;
  return `<div class="cards">
<div class="card"><div class="label">${escapeHtml(text.summary.tokens)}</div><div class="value">${formatNumber(report.tokenCount)}</div><div class="note">${escapeHtml(text.summary.tokensNote)}</div></div>
<div class="card"><div class="label">${escapeHtml(text.summary.documentsIn)}</div><div class="value">${formatNumber(report.documentsIn)}</div></div>
<div class="card"><div class="label">${escapeHtml(text.summary.documentsKept)}</div><div class="value">${formatNumber(report.documentsKept)}</div><div class="note">${formatPercent(report.documentsKept, report.documentsIn)}</div></div>
</div>
<dl class="ids">
<dt>${escapeHtml(text.summary.datasetId)}</dt><dd>${report.datasetId}</dd>
<dt>${escapeHtml(text.summary.pipelineId)}</dt><dd>${report.pipelineId} (v${escapeHtml(report.pipelineVersion)})</dd>
<dt>${escapeHtml(text.summary.tokenizer)}</dt><dd>${escapeHtml(report.tokenizer)} · ${report.tokenizerId}</dd>
<dt>${escapeHtml(text.summary.index)}</dt><dd>${escapeHtml(index)}${report.index.used ? ` · ${report.index.stateId}` : ""}</dd>
</dl>`;
}

function renderStages(stages: StageStats[], text: ReportText): string {
  const rows = stages.map((stage) => {
    const label = text.stages[stage.stage] ?? { label: stage.stage, description: "" };
    const removed = stage.documentsIn - stage.documentsOut;
    const changed = Object.values(stage.changed).reduce((sum, count) => sum + count.documents, 0);
    const tokensRemoved = Object.values(stage.removed).reduce((sum, count) => sum + count.tokens, 0);
    return `<tr><td>${escapeHtml(label.label)}<span class="desc">${escapeHtml(label.description)}</span></td><td class="num">${formatNumber(stage.documentsIn)}</td><td class="num">${formatNumber(removed)}</td><td class="num">${formatNumber(tokensRemoved)}</td><td class="num">${formatNumber(changed)}</td></tr>`;
  });
  const c = text.stageColumns;
  return `<table><thead><tr><th>${c.stage}</th><th class="num">${c.documentsIn}</th><th class="num">${c.removed}</th><th class="num">${c.tokensRemoved}</th><th class="num">${c.changed}</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

function renderReasons(stages: StageStats[], text: ReportText): string {
  const rows: string[] = [];
  for (const stage of stages) {
    const stageLabel = text.stages[stage.stage]?.label ?? stage.stage;
    for (const table of [stage.removed, stage.changed]) {
      for (const reason of Object.keys(table).sort()) {
        const count = table[reason]!;
        rows.push(
          `<tr><td>${escapeHtml(stageLabel)}</td><td>${escapeHtml(text.reasons[reason] ?? reason)}</td><td class="num">${formatNumber(count.documents)}</td><td class="num">${formatNumber(count.tokens)}</td><td class="num">${formatNumber(count.occurrences)}</td></tr>`,
        );
      }
    }
  }
  if (rows.length === 0) return `<p>${escapeHtml(text.noReasons)}</p>`;
  const c = text.reasonColumns;
  return `<table><thead><tr><th>${c.stage}</th><th>${c.reason}</th><th class="num">${c.documents}</th><th class="num">${c.tokens}</th><th class="num">${c.occurrences}</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

function renderLanguages(report: Report, text: ReportText): string {
  const rows = (["ko", "en", "other"] as const).map((language) => {
    const input = report.languages.input[language] ?? { documents: 0, tokens: 0 };
    const kept = report.languages.kept[language];
    const share = report.tokenCount === 0 ? 0 : kept.tokens / report.tokenCount;
    return `<tr><td>${escapeHtml(text.languages[language] ?? language)}</td><td class="num">${formatNumber(input.documents)}</td><td class="num">${formatNumber(kept.documents)}</td><td class="num">${formatNumber(kept.tokens)}</td><td class="bar-cell"><div class="meter"><span style="width:${(share * 100).toFixed(1)}%"></span></div>${formatPercent(kept.tokens, report.tokenCount)}</td></tr>`;
  });
  const c = text.languageColumns;
  return `<table><thead><tr><th>${c.language}</th><th class="num">${c.documentsIn}</th><th class="num">${c.documentsKept}</th><th class="num">${c.tokensKept}</th><th>${c.share}</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

function renderExamples(examples: Example[], text: ReportText): string {
  if (examples.length === 0) return `<p>${escapeHtml(text.noExamples)}</p>`;
  const items = examples.map(
    (example) =>
      `<li><span class="tag">${escapeHtml(text.reasons[example.reason] ?? example.reason)}</span>${escapeHtml(example.excerpt).replace(PLACEHOLDER, (placeholder) => `<mark>${placeholder}</mark>`)}</li>`,
  );
  return `<ul class="examples">${items.join("\n")}</ul>`;
}

function renderProblems(report: Report, text: ReportText): string {
  const { rejectedInputs, skippedFiles } = report;
  if (rejectedInputs.total === 0 && skippedFiles.length === 0) {
    return `<h2>${escapeHtml(text.rejectedTitle)}</h2><p>${escapeHtml(text.noProblems)}</p>`;
  }
  const rejected = rejectedInputs.listed.map(
    (item) => `<tr><td>${escapeHtml(item.source)}</td><td>${escapeHtml(text.reasons[item.code] ?? item.code)}<span class="desc">${escapeHtml(item.reason)}</span></td></tr>`,
  );
  const skipped = skippedFiles.map((item) => `<tr><td>${escapeHtml(item.input)}</td><td>${escapeHtml(item.reason)}</td></tr>`);
  return `<h2>${escapeHtml(text.rejectedTitle)}</h2>
<p>${escapeHtml(text.rejectedIntro(rejectedInputs.total, rejectedInputs.listed.length))}</p>
${rejected.length > 0 ? `<table><tbody>${rejected.join("\n")}</tbody></table>` : ""}
${skipped.length > 0 ? `<h2>${escapeHtml(text.skippedTitle)}</h2><table><tbody>${skipped.join("\n")}</tbody></table>` : ""}`;
}

function reproduceCommand(report: Report): string {
  const tokenizer = report.tokenizer === "o200k_base" ? "" : ` --tokenizer PATH/${report.tokenizer}`;
  const index = report.index.used ? ` --index-at ${report.index.sequence}` : " --no-index";
  return `npx 1tt preprocess YOUR_FILES... --out check${tokenizer}${index} --json
# expected: datasetId ${report.datasetId}
#           tokenCount ${report.tokenCount}
#           pipelineId ${report.pipelineId}
#           tokenizerId ${report.tokenizerId}`;
}

/** Formats with comma thousands separators, the same on every machine whatever its locale. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatPercent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${((part / whole) * 100).toFixed(1)}%`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
