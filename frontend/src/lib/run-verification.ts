/**
 * Runs the CLI's `verifyDeployment` in the browser, with reports fetched from the configured
 * gateway and checked against their on-chain sha256. Imported lazily: the verifier carries the
 * contracts' runtime bytecode to compare with the deployed code.
 */
import type { Hex, PublicClient } from "viem";

import type { Deployment } from "../../../scripts/lib/chain/deployment.ts";
import { verifyDeployment, type VerifyReturnType } from "../../../scripts/lib/chain/verify.ts";
import { fetchAndCheckReport } from "./report.ts";

/** Verifies the deployment from chain data and the gateway's reports. */
export async function runVerification(client: PublicClient, deployment: Deployment, gatewayUrl: string): Promise<VerifyReturnType> {
  return await verifyDeployment({
    client,
    deployment,
    checkReport: async (cid: string, sha256: Hex) => {
      const check = await fetchAndCheckReport(gatewayUrl, cid, sha256);
      if (check.status === "mismatch") throw new Error(`report ${cid} has sha256 ${check.actualSha256}, not ${sha256}`);
      if (check.status === "notFound") throw new Error(`report ${cid} is not on the gateway ${gatewayUrl}`);
      if (check.status === "unavailable") throw new Error(`report ${cid} could not be fetched from ${gatewayUrl}: ${String(check.error)}`);
    },
  });
}
