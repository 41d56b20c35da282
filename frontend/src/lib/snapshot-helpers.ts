/** Small look-ups over a loaded platform snapshot, shared by the pages. */
import type { Address } from "viem";

import type { PlatformSnapshot, TokenInfo } from "./load-platform.ts";

/** Returns the payout token of a service, or undefined for an unknown service or token. */
export function tokenOfService(snapshot: PlatformSnapshot, serviceId: bigint): TokenInfo | undefined {
  const token = snapshot.state.services.get(serviceId)?.token;
  return token === undefined ? undefined : snapshot.tokens.get(token.toLowerCase() as Address);
}

/** Returns a service's name, or its id when the service is unknown. */
export function serviceNameOf(snapshot: PlatformSnapshot, serviceId: bigint): string {
  return snapshot.state.services.get(serviceId)?.name ?? `#${serviceId}`;
}
