import type { Address } from "viem";

import { shortHex } from "../lib/format.ts";
import { hrefOf } from "../lib/routes.ts";

/** A link to an address's page, shortened on screen and complete for assistive technology. */
export function AddressLink({ address }: { address: Address }) {
  return (
    <a href={hrefOf({ page: "address", address })} title={address} aria-label={address} className="mono">
      {shortHex(address)}
    </a>
  );
}
