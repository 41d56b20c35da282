import { CID } from "multiformats/cid";
import { InvalidCidError, messageOf } from "./errors.ts";

/** Parses a CIDv0 (base58btc, Qm...) or a CIDv1 in base32 (b...) or base58btc (z...). */
export function parseCid(text: string): CID {
  try {
    return CID.parse(text.trim());
  } catch (error) {
    throw new InvalidCidError(text, { details: messageOf(error), cause: error });
  }
}
