import { useState, type FormEvent } from "react";
import type { Address, Hex } from "viem";

import { splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import { Amount } from "../components/Amount.tsx";
import { DatasetsTable } from "../components/DatasetsTable.tsx";
import { DualTimeText } from "../components/DualTimeText.tsx";
import { EntitlementsTable } from "../components/EntitlementsTable.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { TransactionStatusView } from "../components/TransactionStatusView.tsx";
import { usePublishedAttestations } from "../hooks/usePublishedAttestations.ts";
import { useBlockTimes } from "../hooks/useBlockTimes.ts";
import { useConfig } from "../hooks/useConfig.ts";
import { useEntitlements } from "../hooks/useEntitlements.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { useTransactionRunner } from "../hooks/useTransactionRunner.ts";
import { useWallet } from "../hooks/useWallet.ts";
import { versionsWithWeight } from "../lib/allocation.ts";
import { claimableByToken } from "../lib/claim-totals.ts";
import { downloadText } from "../lib/download.ts";
import { claimableRefs, type Entitlement } from "../lib/entitlements.ts";
import { formatInteger, shortHex } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { awaitingConsentOf } from "../lib/pending-attestation.ts";
import { hrefOf, parseRoute } from "../lib/routes.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";
import { buildStatementCsv } from "../lib/statement.ts";

export function ContributorPage() {
  const { t } = useI18n();
  const wallet = useWallet();
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.contributor.title}</h1>
      <p className="lead">{t.contributor.intro}</p>
      {wallet.address === undefined ? (
        <p className="notice notice-info">{t.wallet.connectFirst}</p>
      ) : (
        <QueryBoundary query={platform}>
          {(snapshot) => <ContributorDetails snapshot={snapshot} contributor={wallet.address!} />}
        </QueryBoundary>
      )}
      {wallet.address === undefined ? null : (
        <QueryBoundary query={platform}>{(snapshot) => <AwaitingConsent snapshot={snapshot} contributor={wallet.address!} />}</QueryBoundary>
      )}
      <ConsentLookup />
    </section>
  );
}

function ContributorDetails({ snapshot, contributor }: { snapshot: PlatformSnapshot; contributor: Address }) {
  const { t } = useI18n();
  const key = contributor.toLowerCase() as Address;
  const datasets = [...snapshot.state.datasets.values()].filter((dataset) => dataset.contributor === key);
  const refs = versionsWithWeight(snapshot.state, key).map(({ serviceId, version }) => ({ serviceId, version }));
  const entitlements = useEntitlements(contributor, refs);
  return (
    <>
      {datasets.length === 0 ? <p>{t.contributor.noDatasets}</p> : <DatasetsTable caption={t.contributor.datasetsCaption} datasets={datasets} />}
      <QueryBoundary query={entitlements}>
        {(result) => (
          <>
            <ClaimPanel snapshot={snapshot} contributor={contributor} entitlements={result.entitlements} />
            {result.payout.toLowerCase() === key || /^0x0+$/.test(result.payout) ? null : (
              <p className="mono-wrap">{t.contributor.payoutTo(result.payout)}</p>
            )}
            <EntitlementsTable caption={t.contributor.entitlementsCaption} entitlements={result.entitlements} snapshot={snapshot} isOwn />
            <StatementButton snapshot={snapshot} contributor={key} entitlements={result.entitlements} />
          </>
        )}
      </QueryBoundary>
    </>
  );
}

function ClaimPanel({ snapshot, contributor, entitlements }: { snapshot: PlatformSnapshot; contributor: Address; entitlements: Entitlement[] }) {
  const { t } = useI18n();
  const { config, client } = useConfig();
  const wallet = useWallet();
  const transaction = useTransactionRunner();
  const refs = claimableRefs(entitlements);
  const totals = claimableByToken(entitlements, (serviceId) => snapshot.state.services.get(serviceId)?.token);
  const claim = () =>
    void transaction.run(() =>
      client.simulateContract({
        address: config.deployment.splitter.address,
        abi: splitterAbi,
        functionName: "claim",
        args: [contributor, refs],
        account: contributor,
      }),
    );
  const firstToken = refs[0] === undefined ? undefined : tokenOfService(snapshot, refs[0].serviceId);
  return (
    <div className="panel">
      <h2>{t.contributor.totalClaimable}</h2>
      {totals.size === 0 ? (
        <p>{t.contributor.nothingToClaim}</p>
      ) : (
        <ul className="plain" data-testid="claimable-totals">
          {[...totals.entries()].map(([token, amount]) => (
            <li key={token} className="big">
              <Amount raw={amount} token={snapshot.tokens.get(token)} />
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary"
        onClick={claim}
        disabled={refs.length === 0 || transaction.isBusy || !wallet.isOnPlatformChain || !transaction.isReady}
      >
        {t.contributor.claimAll}
      </button>
      <TransactionStatusView status={transaction.status} {...(firstToken === undefined ? {} : { token: firstToken })} />
    </div>
  );
}

function StatementButton({ snapshot, contributor, entitlements }: { snapshot: PlatformSnapshot; contributor: Address; entitlements: Entitlement[] }) {
  const { t } = useI18n();
  const claims = snapshot.state.claims.filter((claim) => claim.contributor === contributor);
  const times = useBlockTimes(claims.map((claim) => claim.blockNumber));
  const download = () => {
    const csv = buildStatementCsv({
      t,
      entitlements,
      claims: claims.map((claim) => ({ ...claim, timestamp: times.data?.get(claim.blockNumber) ?? 0n })),
      serviceName: (serviceId) => serviceNameOf(snapshot, serviceId),
      tokenOf: (serviceId) => tokenOfService(snapshot, serviceId)!,
      asOf: snapshot.blockTimestamp,
    });
    const date = new Date(Number(snapshot.blockTimestamp) * 1_000).toISOString().slice(0, 10);
    downloadText(t.statement.fileName(contributor, date), csv);
  };
  return (
    <div className="panel">
      <button type="button" onClick={download} disabled={claims.length > 0 && times.data === undefined}>
        {t.contributor.statement}
      </button>
      <p className="small muted">{t.contributor.statementNote}</p>
    </div>
  );
}

function AwaitingConsent({ snapshot, contributor }: { snapshot: PlatformSnapshot; contributor: Address }) {
  const { t, locale } = useI18n();
  const published = usePublishedAttestations(contributor);
  const awaiting = awaitingConsentOf(published.data ?? [], contributor, (id) => snapshot.state.datasets.has(id.toLowerCase() as Hex));
  if (awaiting.length === 0) return null;
  return (
    <table>
      <caption>{t.contributor.awaitingCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.dataset.id}</th>
          <th scope="col" className="num">{t.dataset.tokenCount}</th>
          <th scope="col">{t.consent.deadline}</th>
        </tr>
      </thead>
      <tbody>
        {awaiting.map((attestation) => (
          <tr key={attestation.terms.id}>
            <th scope="row">
              <a href={hrefOf({ page: "consent", reportCid: attestation.terms.reportCid })} className="mono" title={attestation.terms.id}>
                {t.contributor.consentOpen}: {shortHex(attestation.terms.id, 6)}
              </a>
            </th>
            <td className="num">{formatInteger(attestation.terms.tokenCount, locale)}</td>
            <td><DualTimeText seconds={attestation.deadline} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConsentLookup() {
  const { t } = useI18n();
  const [cid, setCid] = useState("");
  const [isInvalid, setIsInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const route = parseRoute(`/consent/${encodeURIComponent(cid.trim())}`);
    setIsInvalid(route.page !== "consent");
    if (route.page === "consent") window.location.hash = hrefOf(route);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate>
      <h2>{t.contributor.consentTitle}</h2>
      <label htmlFor="consent-cid">{t.contributor.consentHelp}</label>
      <input
        id="consent-cid"
        className="mono"
        value={cid}
        onChange={(event) => setCid(event.target.value)}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? "consent-cid-error" : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit">{t.contributor.consentOpen}</button>
      {isInvalid ? <p id="consent-cid-error" className="field-error">{t.contributor.consentInvalid}</p> : null}
    </form>
  );
}
