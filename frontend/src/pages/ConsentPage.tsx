import { useState } from "react";
import { useWalletClient } from "wagmi";

import { registryAbi } from "../../../scripts/lib/chain/abis.ts";
import { AddressLink } from "../components/AddressLink.tsx";
import { DualTimeText } from "../components/DualTimeText.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { ReportView } from "../components/ReportView.tsx";
import { TransactionStatusView } from "../components/TransactionStatusView.tsx";
import { useConfig } from "../hooks/useConfig.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { usePendingAttestation } from "../hooks/usePendingAttestation.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { useReport } from "../hooks/useReport.ts";
import { useTransactionRunner } from "../hooks/useTransactionRunner.ts";
import { useWallet } from "../hooks/useWallet.ts";
import { consentBlocker, registrationOf, signConsent } from "../lib/consent.ts";
import { formatInteger } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { AttestationNotFoundError, type PendingAttestation } from "../lib/pending-attestation.ts";
import { hrefOf } from "../lib/routes.ts";

export function ConsentPage({ reportCid }: { reportCid: string }) {
  const { t } = useI18n();
  const attestation = usePendingAttestation(reportCid);
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.consent.title}</h1>
      <p className="lead">{t.consent.intro}</p>
      {attestation.error instanceof AttestationNotFoundError ? (
        <p className="notice notice-error" role="alert">{t.consent.notFound}</p>
      ) : (
        <QueryBoundary query={attestation}>
          {(pending) => (
            <QueryBoundary query={platform}>{(snapshot) => <ConsentReview attestation={pending} snapshot={snapshot} />}</QueryBoundary>
          )}
        </QueryBoundary>
      )}
    </section>
  );
}

function ConsentReview({ attestation, snapshot }: { attestation: PendingAttestation; snapshot: PlatformSnapshot }) {
  const { t, locale } = useI18n();
  const { config, client } = useConfig();
  const wallet = useWallet();
  const { data: walletClient } = useWalletClient();
  const transaction = useTransactionRunner();
  const report = useReport(attestation.terms.reportCid, attestation.terms.reportSha256);
  const [signError, setSignError] = useState<unknown>(undefined);
  const { terms } = attestation;
  const d = t.dataset;

  const blocker = consentBlocker(attestation, {
    chainId: config.chainId,
    registry: config.deployment.registry.address,
    account: wallet.address,
    nowSeconds: snapshot.blockTimestamp,
    isRegistered: snapshot.state.datasets.has(terms.id.toLowerCase() as typeof terms.id) || snapshot.state.datasets.has(terms.id),
  });
  const blockerText = {
    wrongChain: t.consent.wrongChain,
    wrongContributor: t.consent.wrongContributor(terms.contributor),
    attestationExpired: t.consent.attestationExpired,
    alreadyRegistered: t.consent.alreadyRegistered,
  };
  const isReportVerified = report.data?.status === "verified";
  const isDone = transaction.status.phase === "confirmed";
  const datasetLink = (
    <a href={hrefOf({ page: "dataset", datasetId: terms.id.toLowerCase() as typeof terms.id })}>{d.title}</a>
  );

  const consent = async () => {
    if (walletClient === undefined || wallet.address === undefined) return;
    setSignError(undefined);
    transaction.reset();
    let signed;
    try {
      const nonce = await client.readContract({
        address: config.deployment.registry.address,
        abi: registryAbi,
        functionName: "consentNonce",
        args: [wallet.address],
      });
      signed = await signConsent({ walletClient, account: wallet.address, attestation, nonce, nowSeconds: snapshot.blockTimestamp });
    } catch (error) {
      console.error("consent signature failed", error);
      setSignError(error);
      return;
    }
    await transaction.run(() =>
      client.simulateContract({
        address: config.deployment.registry.address,
        abi: registryAbi,
        functionName: "register",
        args: [registrationOf(attestation, signed)],
        account: wallet.address!,
      }),
    );
  };

  return (
    <>
      <dl className="facts">
        <dt>{d.id}</dt>
        <dd className="mono break">{terms.id}</dd>
        <dt>{d.contributor}</dt>
        <dd><AddressLink address={terms.contributor} /></dd>
        <dt>{d.attester}</dt>
        <dd><AddressLink address={attestation.signer} /></dd>
        <dt>{d.tokenCount}</dt>
        <dd>{formatInteger(terms.tokenCount, locale)}</dd>
        <dt>{d.reportSha256}</dt>
        <dd className="mono break">{terms.reportSha256}</dd>
        <dt>{d.pipeline}</dt>
        <dd className="mono break">{terms.pipelineId}</dd>
        <dt>{d.tokenizer}</dt>
        <dd className="mono break">{terms.tokenizerId}</dd>
        <dt>{t.consent.deadline}</dt>
        <dd><DualTimeText seconds={attestation.deadline} /></dd>
      </dl>
      <ReportView cid={terms.reportCid} sha256={terms.reportSha256} />
      {blocker === "alreadyRegistered" && !isDone ? (
        <p className="notice notice-info" role="status">
          <span aria-hidden="true">✓ </span>
          {t.consent.alreadyRegistered} {datasetLink}
        </p>
      ) : (
        <div className="panel">
          {blocker === undefined || isDone ? null : (
            <p className="notice notice-warning" role="alert">
              <span aria-hidden="true">⚠ </span>
              {blockerText[blocker]}
            </p>
          )}
          {wallet.address === undefined ? <p>{t.wallet.connectFirst}</p> : null}
          {report.data !== undefined && !isReportVerified ? <p>{t.consent.reportMustVerify}</p> : null}
          <p className="small">{t.consent.consentDeadline}</p>
          <button
            type="button"
            className="primary"
            onClick={() => void consent()}
            disabled={
              blocker !== undefined || !isReportVerified || wallet.address === undefined || !wallet.isOnPlatformChain || transaction.isBusy || isDone
            }
          >
            {t.consent.sign}
          </button>
          {signError === undefined ? null : <ErrorNotice error={signError} />}
          <TransactionStatusView status={transaction.status} />
          {isDone ? (
            <p className="notice notice-ok" role="status">
              <span aria-hidden="true">✓ </span>
              {t.consent.registered} {datasetLink}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
