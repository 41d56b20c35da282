import { useState } from "react";
import { erc20Abi, type Address } from "viem";

import { splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import { DepositsTable } from "../components/DepositsTable.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { TransactionStatusView } from "../components/TransactionStatusView.tsx";
import { useConfig } from "../hooks/useConfig.ts";
import { useDepositContext } from "../hooks/useDepositContext.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { useTransactionRunner } from "../hooks/useTransactionRunner.ts";
import { useWallet } from "../hooks/useWallet.ts";
import { termsOf } from "../lib/allocation.ts";
import { nextDepositStep, type DepositStep } from "../lib/deposit.ts";
import { formatBps, formatInteger, formatTokenWithSymbol, parseTokenAmount } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { encodePeriod } from "../lib/period.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";
import type { TransactionStatus } from "../lib/transaction.ts";

export function ConsumerPage() {
  const { t } = useI18n();
  const wallet = useWallet();
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.consumer.title}</h1>
      <p className="lead">{t.consumer.intro}</p>
      <QueryBoundary query={platform}>
        {(snapshot) => (
          <>
            {wallet.address === undefined ? (
              <p className="notice notice-info">{t.wallet.connectFirst}</p>
            ) : (
              <DepositForm snapshot={snapshot} account={wallet.address} />
            )}
            <DepositHistory snapshot={snapshot} />
          </>
        )}
      </QueryBoundary>
    </section>
  );
}

interface Receipt {
  step: DepositStep;
  status: Extract<TransactionStatus, { phase: "confirmed" }>;
}

function DepositForm({ snapshot, account }: { snapshot: PlatformSnapshot; account: Address }) {
  const { t, locale } = useI18n();
  const { config, client } = useConfig();
  const wallet = useWallet();
  const transaction = useTransactionRunner();
  const c = t.consumer;
  const sealed = [...snapshot.state.versions.values()].filter((version) => version.sealedBlock !== undefined);
  const [selected, setSelected] = useState("");
  const [revenueText, setRevenueText] = useState("");
  const [periodText, setPeriodText] = useState("");
  const [receipts, setReceipts] = useState<Receipt[]>([]);

  const version = sealed.find((entry) => `${entry.serviceId}/${entry.version}` === selected);
  const token = version === undefined ? undefined : tokenOfService(snapshot, version.serviceId);
  const grossRevenue = parseAmountOrUndefined(revenueText, token?.decimals);
  const period = periodText === "" ? undefined : encodePeriod(periodText);
  const context = useDepositContext(
    version === undefined || token === undefined || grossRevenue === undefined
      ? undefined
      : { serviceId: version.serviceId, grossRevenue, token: token.address, account },
  );

  if (sealed.length === 0) return <p>{c.noVersions}</p>;

  const share = version === undefined ? undefined : termsOf(snapshot.state.services.get(version.serviceId)!, snapshot.blockTimestamp).shareInForce;
  const step = context.data === undefined ? undefined : nextDepositStep(context.data);
  const isInsufficient = context.data !== undefined && context.data.balance < context.data.amount;
  const canSend =
    version !== undefined && grossRevenue !== undefined && period !== undefined && context.data !== undefined &&
    !isInsufficient && wallet.isOnPlatformChain && transaction.isReady && !transaction.isBusy;

  const send = async () => {
    if (!canSend || step === undefined) return;
    const splitter = config.deployment.splitter.address;
    const final =
      step === "approve"
        ? await transaction.run(() =>
            client.simulateContract({
              address: token!.address,
              abi: erc20Abi,
              functionName: "approve",
              args: [splitter, context.data!.amount],
              account,
            }),
          )
        : await transaction.run(() =>
            client.simulateContract({
              address: splitter,
              abi: splitterAbi,
              functionName: "deposit",
              args: [version.serviceId, version.version, grossRevenue, period],
              account,
            }),
          );
    if (final.phase === "confirmed") setReceipts((previous) => [...previous, { step, status: final }]);
  };

  const amountText = context.data === undefined || token === undefined ? "" : formatTokenWithSymbol(context.data.amount, token.decimals, token.symbol, locale);
  const revenueError = revenueText !== "" && grossRevenue === undefined && token !== undefined;
  const periodError = periodText !== "" && period === undefined;
  let revenueHelp = "";
  if (token !== undefined) {
    const decimals = String(token.decimals);
    revenueHelp = revenueError ? c.amountInvalid(decimals) : c.grossRevenueHelp(decimals);
  }

  return (
    <form className="panel" onSubmit={(event) => { event.preventDefault(); void send(); }} noValidate>
      <h2>{c.form}</h2>
      <div className="field">
        <label htmlFor="deposit-version">{c.service}</label>
        <select id="deposit-version" value={selected} onChange={(event) => setSelected(event.target.value)}>
          <option value="">{c.choose}</option>
          {sealed.map((entry) => (
            <option key={`${entry.serviceId}/${entry.version}`} value={`${entry.serviceId}/${entry.version}`}>
              {serviceNameOf(snapshot, entry.serviceId)} · {t.service.version} {formatInteger(entry.version, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="deposit-revenue">{token === undefined ? t.version.grossRevenue : c.grossRevenue(token.symbol)}</label>
        <input
          id="deposit-revenue"
          inputMode="decimal"
          value={revenueText}
          onChange={(event) => setRevenueText(event.target.value)}
          aria-invalid={revenueError}
          aria-describedby="deposit-revenue-help"
          disabled={token === undefined}
          autoComplete="off"
        />
        <p id="deposit-revenue-help" className={revenueError ? "field-error" : "small muted"}>
          {revenueHelp}
        </p>
      </div>
      <div className="field">
        <label htmlFor="deposit-period">{c.period}</label>
        <input
          id="deposit-period"
          value={periodText}
          onChange={(event) => setPeriodText(event.target.value)}
          aria-invalid={periodError}
          aria-describedby="deposit-period-help"
          placeholder="2026-11"
          autoComplete="off"
        />
        <p id="deposit-period-help" className={periodError ? "field-error" : "small muted"}>
          {periodError ? c.periodInvalid : c.periodHelp}
        </p>
      </div>
      {context.error === null ? null : <QueryBoundary query={context}>{() => null}</QueryBoundary>}
      {context.data === undefined || token === undefined || share === undefined ? null : (
        <div aria-live="polite">
          <p data-testid="deposit-preview">{c.preview(amountText, formatBps(share, locale))}</p>
          <p className="small">{c.balance(formatTokenWithSymbol(context.data.balance, token.decimals, token.symbol, locale))}</p>
          {isInsufficient ? <p className="field-error">{c.insufficient}</p> : null}
          {context.data.isConsumer ? null : (
            <p className="notice notice-warning">
              <span aria-hidden="true">⚠ </span>
              {c.notConsumer}
            </p>
          )}
          {step === "approve" ? <p className="small">{c.approveNote}</p> : null}
        </div>
      )}
      <button type="submit" className="primary" disabled={!canSend}>
        {step === "approve" ? c.approve(amountText) : c.deposit}
      </button>
      <TransactionStatusView status={transaction.status} {...(token === undefined ? {} : { token })} />
      {receipts.length === 0 ? null : (
        <section aria-labelledby="receipts-title">
          <h3 id="receipts-title">{c.receipts}</h3>
          <ul className="plain">
            {receipts.map((receipt) => (
              <li key={receipt.status.hash} data-testid={`receipt-${receipt.step}`}>
                ✓ {receipt.step === "approve" ? c.approved : c.deposited} · {t.transaction.block}{" "}
                {formatInteger(receipt.status.blockNumber, locale)} · <span className="mono small">{receipt.status.hash}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}

function DepositHistory({ snapshot }: { snapshot: PlatformSnapshot }) {
  const { t } = useI18n();
  const deposits = [...snapshot.state.deposits].reverse();
  return <DepositsTable caption={t.consumer.historyCaption} deposits={deposits} snapshot={snapshot} showsVersion />;
}

function parseAmountOrUndefined(text: string, decimals: number | undefined): bigint | undefined {
  if (decimals === undefined || text.trim() === "") return undefined;
  try {
    return parseTokenAmount(text, decimals);
  } catch {
    return undefined;
  }
}
