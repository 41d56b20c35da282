import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { fetchAttestationIndex, fetchPendingAttestation } from "../lib/pending-attestation.ts";
import { useConfig } from "./useConfig.ts";

/** Returns every attestation listed in the operator's index, for the contributor's page to filter. */
export function usePublishedAttestations(contributor: Address | undefined) {
  const { config } = useConfig();
  return useQuery({
    queryKey: ["attestationIndex", config.attestationsUrl, contributor],
    queryFn: async () => {
      const cids = await fetchAttestationIndex(config.attestationsUrl);
      const settled = await Promise.allSettled(cids.map((cid) => fetchPendingAttestation(config.attestationsUrl, cid)));
      // A listed file that is missing or malformed is skipped: the other datasets stay reviewable.
      return settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    },
    enabled: contributor !== undefined,
    retry: false,
  });
}
