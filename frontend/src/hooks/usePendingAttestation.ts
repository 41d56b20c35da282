import { useQuery } from "@tanstack/react-query";

import { fetchPendingAttestation } from "../lib/pending-attestation.ts";
import { useConfig } from "./useConfig.ts";

/** Returns the attestation published for `reportCid`, awaiting the contributor's consent. */
export function usePendingAttestation(reportCid: string) {
  const { config } = useConfig();
  return useQuery({
    queryKey: ["attestation", config.attestationsUrl, reportCid],
    queryFn: () => fetchPendingAttestation(config.attestationsUrl, reportCid),
    retry: false,
  });
}
