import { useQuery } from "@tanstack/react-query";

import { useConfig } from "./useConfig.ts";

/** Returns the result of verifying the deployment; the verifier's code loads on first use. */
export function useVerification() {
  const { config, client } = useConfig();
  return useQuery({
    queryKey: ["verification", config.chainId, config.deployment.registry.address],
    queryFn: async () => {
      const { runVerification } = await import("../lib/run-verification.ts");
      return await runVerification(client, config.deployment, config.gatewayUrl);
    },
  });
}
