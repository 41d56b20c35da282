import type { Hex } from "viem";

import { useI18n } from "../hooks/useI18n.ts";
import { useReport } from "../hooks/useReport.ts";
import { useConfig } from "../hooks/useConfig.ts";
import { formatInteger } from "../lib/format.ts";
import { reportUrl, type ReportSummary } from "../lib/report.ts";

/** Shows a dataset's preprocessing report, fetched by CID, only once its sha256 matches. */
export function ReportView({ cid, sha256 }: { cid: string; sha256: Hex }) {
  const { t } = useI18n();
  const { config } = useConfig();
  const report = useReport(cid, sha256);
  const d = t.dataset;
  const check = report.data;

  let status;
  if (check === undefined) {
    status = (
      <p role="status" aria-live="polite">
        {d.reportChecking}
      </p>
    );
  } else if (check.status === "verified") {
    status = (
      <p className="notice notice-ok" role="status" data-report-status="verified">
        <span aria-hidden="true">✓ </span>
        {d.reportVerified}
      </p>
    );
  } else {
    let text = d.reportUnavailable;
    if (check.status === "mismatch") text = d.reportMismatch(check.actualSha256);
    else if (check.status === "notFound") text = d.reportNotFound;
    status = (
      <p className="notice notice-error" role="alert" data-report-status={check.status}>
        <span aria-hidden="true">✗ </span>
        {text}
      </p>
    );
  }

  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{d.report}</h2>
      {status}
      {check?.status === "verified" ? (
        check.summary === undefined ? (
          <p>{d.reportUnreadable}</p>
        ) : (
          <ReportSummaryView summary={check.summary} />
        )
      ) : null}
      <p className="small">
        <a href={reportUrl(config.gatewayUrl, cid)} rel="noreferrer" target="_blank">
          {d.openRaw}
        </a>
      </p>
    </section>
  );
}

function ReportSummaryView({ summary }: { summary: ReportSummary }) {
  const { t, locale } = useI18n();
  const d = t.dataset;
  const n = (value: number) => formatInteger(value, locale);
  return (
    <>
      <dl className="facts">
        <dt>{d.documentsIn}</dt>
        <dd>{n(summary.documentsIn)}</dd>
        <dt>{d.documentsKept}</dt>
        <dd>{n(summary.documentsKept)}</dd>
        <dt>{d.tokenCount}</dt>
        <dd>{n(summary.tokenCount)}</dd>
        <dt>{d.pipelineVersion}</dt>
        <dd>{summary.pipelineVersion}</dd>
        <dt>{d.tokenizerName}</dt>
        <dd>{summary.tokenizer}</dd>
      </dl>
      <table>
        <caption>{d.stagesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.stage}</th>
            <th scope="col" className="num">{d.documentsIn}</th>
            <th scope="col" className="num">{d.removed}</th>
            <th scope="col" className="num">{t.common.tokenCount}</th>
            <th scope="col">{d.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {summary.stages.map((stage) => (
            <tr key={stage.stage}>
              <th scope="row">{stage.stage}</th>
              <td className="num">{n(stage.documentsIn)}</td>
              <td className="num">{n(stage.documentsIn - stage.documentsOut)}</td>
              <td className="num">{n(stage.tokensOut)}</td>
              <td>
                {Object.entries(stage.removed)
                  .map(([reason, count]) => `${reason}: ${n(count.documents)}`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{d.languagesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.languageName}</th>
            <th scope="col" className="num">{d.documents}</th>
            <th scope="col" className="num">{t.common.tokenCount}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(summary.languages).map(([language, count]) => (
            <tr key={language}>
              <th scope="row">{language}</th>
              <td className="num">{n(count.documents)}</td>
              <td className="num">{n(count.tokens)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
