import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useWalletClient } from "wagmi";

import { isBusy, sendTransaction, type Simulate, type TransactionStatus } from "../lib/transaction.ts";
import { useConfig } from "./useConfig.ts";

/** Runs one transaction at a time with the connected wallet and refreshes chain data once it lands. */
export function useTransactionRunner() {
  const { client } = useConfig();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TransactionStatus>({ phase: "idle" });

  const run = useCallback(
    async (simulate: Simulate) => {
      if (walletClient === undefined) return status;
      const final = await sendTransaction({ publicClient: client, walletClient, simulate, onStatus: setStatus });
      // A failure refreshes too: a revert often means the page showed stale chain data.
      if (final.phase !== "idle") await queryClient.invalidateQueries();
      return final;
    },
    [client, walletClient, queryClient, status],
  );

  return { status, run, isBusy: isBusy(status), reset: () => setStatus({ phase: "idle" }), isReady: walletClient !== undefined };
}
