import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useI18n } from "../hooks/useI18n.ts";
import { useVerification } from "../hooks/useVerification.ts";
import { formatInteger } from "../lib/format.ts";

export function VerifyPage() {
  const { t, locale } = useI18n();
  const verification = useVerification();
  const v = t.verify;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{v.title}</h1>
      <p className="lead">{v.intro}</p>
      {verification.isFetching && verification.data === undefined ? <p role="status">{v.running}</p> : null}
      <QueryBoundary query={verification}>
        {(result) => {
          const failed = result.findings.filter((finding) => !finding.ok).length;
          const count = formatInteger(result.findings.length, locale);
          return (
            <>
              <p className={`notice ${result.ok ? "notice-ok" : "notice-error"}`} role="status" data-verified={result.ok}>
                <span aria-hidden="true">{result.ok ? "✓ " : "✗ "}</span>
                {result.ok ? v.passed(count) : v.failed(formatInteger(failed, locale), count)}
              </p>
              <button type="button" onClick={() => void verification.refetch()} disabled={verification.isFetching}>
                {v.rerun}
              </button>
              <table>
                <caption>{v.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{v.result}</th>
                    <th scope="col">{v.subject}</th>
                    <th scope="col" lang="en">{v.detail}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.findings.map((finding, i) => (
                    <tr key={i} className={finding.ok ? undefined : "row-error"}>
                      <td className="nowrap">{finding.ok ? `✓ ${v.ok}` : `✗ ${v.mismatch}`}</td>
                      <th scope="row" lang="en" className="mono small">{finding.subject}</th>
                      <td lang="en" className="small">{finding.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {locale === "en" ? null : <p className="small muted">{v.detailLanguage}</p>}
            </>
          );
        }}
      </QueryBoundary>
    </section>
  );
}
