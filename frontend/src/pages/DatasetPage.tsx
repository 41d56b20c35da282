import type { Hex } from "viem";

import { AddressLink } from "../components/AddressLink.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { ReportView } from "../components/ReportView.tsx";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { formatInteger } from "../lib/format.ts";
import { hrefOf } from "../lib/routes.ts";
import { serviceNameOf } from "../lib/snapshot-helpers.ts";

export function DatasetPage({ datasetId }: { datasetId: Hex }) {
  const { t, locale } = useI18n();
  const platform = usePlatform();
  const d = t.dataset;
  return (
    <QueryBoundary query={platform}>
      {(snapshot) => {
        const dataset = snapshot.state.datasets.get(datasetId);
        if (dataset === undefined) return <p>{t.common.notFound}</p>;
        const usedIn = [...snapshot.state.versions.values()].filter((version) => version.datasetIds.includes(datasetId));
        return (
          <section aria-labelledby="page-title">
            <h1 id="page-title">{d.title}</h1>
            <dl className="facts">
              <dt>{d.id}</dt>
              <dd className="mono break">{dataset.id}</dd>
              <dt>{d.contributor}</dt>
              <dd><AddressLink address={dataset.contributor} /></dd>
              <dt>{d.attester}</dt>
              <dd><AddressLink address={dataset.attester} /></dd>
              <dt>{d.tokenCount}</dt>
              <dd>{formatInteger(dataset.tokenCount, locale)}</dd>
              <dt>{d.state}</dt>
              <dd>{dataset.isRevoked ? `✗ ${d.revoked}` : `✓ ${d.active}`}</dd>
              <dt>{d.registered}</dt>
              <dd>{t.common.block(formatInteger(dataset.blockNumber, locale))}</dd>
              <dt>{d.reportCid}</dt>
              <dd className="mono break">{dataset.reportCid}</dd>
              <dt>{d.reportSha256}</dt>
              <dd className="mono break">{dataset.reportSha256}</dd>
              <dt>{d.pipeline}</dt>
              <dd className="mono break">{dataset.pipelineId}</dd>
              <dt>{d.tokenizer}</dt>
              <dd className="mono break">{dataset.tokenizerId}</dd>
            </dl>
            <ReportView cid={dataset.reportCid} sha256={dataset.reportSha256} />
            <table>
              <caption>{d.usedInCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.contributor.service}</th>
                  <th scope="col">{t.contributor.version}</th>
                </tr>
              </thead>
              <tbody>
                {usedIn.length === 0 ? (
                  <tr><td colSpan={2}>{t.common.none}</td></tr>
                ) : (
                  usedIn.map((version) => (
                    <tr key={`${version.serviceId}/${version.version}`}>
                      <th scope="row">{serviceNameOf(snapshot, version.serviceId)}</th>
                      <td>
                        <a href={hrefOf({ page: "version", serviceId: version.serviceId, version: version.version })}>
                          {formatInteger(version.version, locale)}
                        </a>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </section>
        );
      }}
    </QueryBoundary>
  );
}
