import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { readDepositContext } from "../lib/deposit.ts";
import { useConfig } from "./useConfig.ts";

/** Returns the deposit amount, balance, allowance and role for a planned deposit. */
export function useDepositContext(plan: { serviceId: bigint; grossRevenue: bigint; token: Address; account: Address } | undefined) {
  const { config, client } = useConfig();
  return useQuery({
    queryKey: ["depositContext", plan?.serviceId.toString(), plan?.grossRevenue.toString(), plan?.token, plan?.account],
    queryFn: () => readDepositContext({ client, deployment: config.deployment, ...plan! }),
    enabled: plan !== undefined,
  });
}
