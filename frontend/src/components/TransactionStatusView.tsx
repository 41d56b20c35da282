import type { TransactionStatus } from "../lib/transaction.ts";
import type { TokenDisplay } from "../lib/decode-error.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { formatInteger } from "../lib/format.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** Notice style and icon per phase; the icon and the words carry the meaning, not the colour. */
const LOOK = {
  simulating: { tone: "notice-info", icon: "…" },
  awaitingSignature: { tone: "notice-info", icon: "…" },
  pending: { tone: "notice-info", icon: "…" },
  replaced: { tone: "notice-info", icon: "…" },
  confirmed: { tone: "notice-ok", icon: "✓" },
  reverted: { tone: "notice-error", icon: "✗" },
} as const;

/** Renders what a transaction is doing now, announced to screen readers as it changes. */
export function TransactionStatusView({ status, token }: { status: TransactionStatus; token?: TokenDisplay }) {
  const { locale, t } = useI18n();
  const tx = t.transaction;
  if (status.phase === "idle") return null;
  if (status.phase === "failed") return <ErrorNotice error={status.error} {...(token === undefined ? {} : { token })} />;

  const text = {
    simulating: tx.simulating,
    awaitingSignature: tx.awaitingSignature,
    pending: tx.pending,
    replaced: status.phase === "replaced" ? tx.replaced(tx.replacementReason[status.reason]) : "",
    confirmed: tx.confirmed,
    reverted: tx.reverted,
  }[status.phase];
  const { tone, icon } = LOOK[status.phase];
  return (
    <div className={`notice ${tone}`} role="status" aria-live="polite" data-phase={status.phase}>
      <p>
        <span aria-hidden="true">{icon} </span>
        {text}
      </p>
      {"replacement" in status && status.replacement !== undefined ? (
        <p className="small" data-testid="transaction-replacement">
          {tx.replacedEarlier(tx.replacementReason[status.replacement.reason])} <span className="mono">{status.replacement.previousHash}</span>
        </p>
      ) : null}
      {"hash" in status ? (
        <p className="small">
          {tx.hash}: <span className="mono">{status.hash}</span>
          {"blockNumber" in status ? ` · ${tx.block} ${formatInteger(status.blockNumber, locale)}` : null}
        </p>
      ) : null}
    </div>
  );
}
