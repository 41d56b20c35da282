import { useQuery } from "@tanstack/react-query";
import type { Hex } from "viem";

import { fetchAndCheckReport } from "../lib/report.ts";
import { useConfig } from "./useConfig.ts";

/** Returns the report of `cid` as fetched from the gateway and checked against `sha256`. */
export function useReport(cid: string | undefined, sha256: Hex | undefined) {
  const { config } = useConfig();
  return useQuery({
    queryKey: ["report", cid, sha256],
    queryFn: ({ signal }) => fetchAndCheckReport(config.gatewayUrl, cid!, sha256!, signal),
    enabled: cid !== undefined && sha256 !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
