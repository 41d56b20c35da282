import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { fetchEntitlements, type VersionRef } from "../lib/entitlements.ts";
import { useConfig } from "./useConfig.ts";

/** Returns `contributor`'s entitlements in `refs`, read in one multicall. */
export function useEntitlements(contributor: Address | undefined, refs: VersionRef[] | undefined) {
  const { config, client } = useConfig();
  return useQuery({
    queryKey: ["entitlements", contributor, refs?.map((ref) => `${ref.serviceId}/${ref.version}`)],
    queryFn: () => fetchEntitlements(client, config.deployment, contributor!, refs!),
    enabled: contributor !== undefined && refs !== undefined,
  });
}
