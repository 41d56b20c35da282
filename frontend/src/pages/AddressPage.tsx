import type { Address } from "viem";

import { AddressLink } from "../components/AddressLink.tsx";
import { Amount } from "../components/Amount.tsx";
import { DatasetsTable } from "../components/DatasetsTable.tsx";
import { DualTimeText } from "../components/DualTimeText.tsx";
import { EntitlementsTable } from "../components/EntitlementsTable.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useBlockTimes } from "../hooks/useBlockTimes.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { entitlementsFromState } from "../lib/allocation.ts";
import { formatInteger } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";

export function AddressPage({ address }: { address: Address }) {
  const { t } = useI18n();
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.address.title}</h1>
      <p className="mono break">{address}</p>
      <QueryBoundary query={platform}>{(snapshot) => <AddressDetails snapshot={snapshot} address={address} />}</QueryBoundary>
    </section>
  );
}

function AddressDetails({ snapshot, address }: { snapshot: PlatformSnapshot; address: Address }) {
  const { t } = useI18n();
  const key = address.toLowerCase() as Address;
  const datasets = [...snapshot.state.datasets.values()].filter((dataset) => dataset.contributor === key);
  const payout = snapshot.state.payouts.get(key);
  return (
    <>
      <dl className="facts">
        <dt>{t.address.payout}</dt>
        <dd>{payout === undefined || /^0x0+$/.test(payout) ? t.address.payoutSelf : <AddressLink address={payout} />}</dd>
      </dl>
      {datasets.length === 0 ? <p>{t.address.noDatasets}</p> : <DatasetsTable caption={t.address.datasetsCaption} datasets={datasets} />}
      <EntitlementsTable caption={t.address.positionsCaption} entitlements={entitlementsFromState(snapshot.state, key)} snapshot={snapshot} isOwn={false} />
      <ClaimsTable snapshot={snapshot} contributor={key} />
    </>
  );
}

function ClaimsTable({ snapshot, contributor }: { snapshot: PlatformSnapshot; contributor: Address }) {
  const { t, locale } = useI18n();
  const claims = snapshot.state.claims.filter((claim) => claim.contributor === contributor);
  const times = useBlockTimes(claims.map((claim) => claim.blockNumber));
  return (
    <table>
      <caption>{t.address.claimsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.common.date}</th>
          <th scope="col">{t.contributor.service}</th>
          <th scope="col">{t.contributor.version}</th>
          <th scope="col" className="num">{t.statement.amount}</th>
          <th scope="col">{t.statement.payout}</th>
        </tr>
      </thead>
      <tbody>
        {claims.length === 0 ? (
          <tr><td colSpan={5}>{t.common.none}</td></tr>
        ) : (
          claims.map((claim) => (
            <tr key={`${claim.transactionHash}-${claim.logIndex}`}>
              <th scope="row"><DualTimeText seconds={times.data?.get(claim.blockNumber)} /></th>
              <td>{serviceNameOf(snapshot, claim.serviceId)}</td>
              <td>{formatInteger(claim.version, locale)}</td>
              <td className="num"><Amount raw={claim.amount} token={tokenOfService(snapshot, claim.serviceId)} /></td>
              <td><AddressLink address={claim.payout} /></td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
