import { lazy } from "react";

import { AddressLink } from "../components/AddressLink.tsx";
import { Amount } from "../components/Amount.tsx";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DepositsTable } from "../components/DepositsTable.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { buildAllocation, depositsOfVersion, totalsByPeriod, type Allocation } from "../lib/allocation.ts";
import { formatInteger, formatRatio, shortHex, toDecimalString } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { decodePeriod } from "../lib/period.ts";
import { hrefOf } from "../lib/routes.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";

const BarChartView = lazy(() => import("../charts/BarChartView.tsx"));
/** Bar colours; each chart has one series, so colour carries no meaning of its own. */
const SHARES_COLOR = "#2f5d8a";
const DEPOSITS_COLOR = "#7a4f9a";

export function VersionPage({ serviceId, version }: { serviceId: bigint; version: bigint }) {
  const { t, locale } = useI18n();
  const platform = usePlatform();
  return (
    <QueryBoundary query={platform}>
      {(snapshot) => {
        const allocation = buildAllocation(snapshot.state, serviceId, version);
        if (allocation === undefined) return <p>{t.common.notFound}</p>;
        const name = serviceNameOf(snapshot, serviceId);
        return (
          <section aria-labelledby="page-title">
            <p>
              <a href={hrefOf({ page: "service", serviceId })}>← {t.common.backTo(name)}</a>
            </p>
            <h1 id="page-title">{t.version.title(name, formatInteger(version, locale))}</h1>
            {allocation.isSealed ? null : (
              <p className="notice notice-warning">
                <span aria-hidden="true">⚠ </span>
                {t.version.unsealed}
              </p>
            )}
            <AllocationSection snapshot={snapshot} allocation={allocation} />
            <DepositsSection snapshot={snapshot} serviceId={serviceId} version={version} />
          </section>
        );
      }}
    </QueryBoundary>
  );
}

function AllocationSection({ snapshot, allocation }: { snapshot: PlatformSnapshot; allocation: Allocation }) {
  const { t, locale } = useI18n();
  const token = tokenOfService(snapshot, allocation.serviceId);
  const v = t.version;
  const table = (
    <table>
      <caption>{v.allocationCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{v.contributor}</th>
          <th scope="col">{v.datasets}</th>
          <th scope="col" className="num">{v.tokens}</th>
          <th scope="col" className="num">{v.share}</th>
          <th scope="col" className="num">{v.entitled}</th>
          <th scope="col" className="num">{v.claimed}</th>
          <th scope="col" className="num">{v.claimable}</th>
        </tr>
      </thead>
      <tbody>
        {allocation.rows.map((row) => (
          <tr key={row.contributor}>
            <th scope="row">
              <AddressLink address={row.contributor} />
            </th>
            <td>
              <ul className="plain">
                {row.datasetIds.map((id) => (
                  <li key={id}>
                    <a href={hrefOf({ page: "dataset", datasetId: id })} className="mono" title={id}>
                      {shortHex(id, 6)}
                    </a>
                  </li>
                ))}
              </ul>
            </td>
            <td className="num">{formatInteger(row.tokens, locale)}</td>
            <td className="num">{formatRatio(row.tokens, allocation.totalTokens, locale)}</td>
            <td className="num"><Amount raw={row.entitled} token={token} /></td>
            <td className="num"><Amount raw={row.claimed} token={token} /></td>
            <td className="num"><Amount raw={row.claimable} token={token} /></td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{v.total}</th>
          <td />
          <td className="num">{formatInteger(allocation.totalTokens, locale)}</td>
          <td className="num">{formatRatio(allocation.totalTokens, allocation.totalTokens, locale)}</td>
          <td className="num"><Amount raw={allocation.totalEntitled} token={token} /></td>
          <td className="num"><Amount raw={allocation.totalClaimed} token={token} /></td>
          <td className="num"><Amount raw={allocation.totalClaimable} token={token} /></td>
        </tr>
        <tr>
          <th scope="row" colSpan={4}>{v.carried}</th>
          <td className="num"><Amount raw={allocation.carried} token={token} /></td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
  const bars = allocation.rows.map((row) => ({ label: shortHex(row.contributor), value: Number(row.tokens) }));
  return <ChartFigure title={v.sharesChart} chart={<BarChartView bars={bars} valueName={v.tokens} color={SHARES_COLOR} formatValue={(value) => formatInteger(value, locale)} />} table={table} />;
}

function DepositsSection({ snapshot, serviceId, version }: { snapshot: PlatformSnapshot; serviceId: bigint; version: bigint }) {
  const { t, locale } = useI18n();
  const v = t.version;
  const token = tokenOfService(snapshot, serviceId);
  const deposits = depositsOfVersion(snapshot.state, serviceId, version);
  if (deposits.length === 0) {
    return (
      <>
        <h2>{v.depositsChart}</h2>
        <p>{v.noDeposits}</p>
      </>
    );
  }
  const decimals = token?.decimals ?? 0;
  const bars = totalsByPeriod(deposits).map((total) => ({
    label: decodePeriod(total.period),
    // The chart only draws; the table beside it has the exact amounts.
    value: Number(toDecimalString(total.amount, decimals)),
  }));
  return (
    <ChartFigure
      title={v.depositsChart}
      chart={<BarChartView bars={bars} valueName={v.amount} color={DEPOSITS_COLOR} formatValue={(value) => formatInteger(value, locale)} />}
      table={<DepositsTable caption={v.depositsCaption} deposits={deposits} snapshot={snapshot} showsVersion={false} />}
    />
  );
}
