import { useQuery } from "@tanstack/react-query";

import { loadPlatform } from "../lib/load-platform.ts";
import { useConfig } from "./useConfig.ts";

/** Query key of the rebuilt platform state; invalidate it after a transaction. */
export const PLATFORM_QUERY_KEY = ["platform"] as const;

/** Returns the platform state rebuilt from events, refreshed when the window regains focus. */
export function usePlatform() {
  const { config, client } = useConfig();
  return useQuery({
    queryKey: [...PLATFORM_QUERY_KEY, config.chainId, config.deployment.registry.address],
    queryFn: () => loadPlatform(client, config.deployment),
  });
}
