/**
 * Hash routes, so that every page has a deep link that works from any static file server without
 * rewrite rules: `#/services/1/versions/2`, `#/datasets/0x…`, `#/address/0x…`.
 */
import { isAddress, isHex, type Address, type Hex } from "viem";

export type Route =
  | { page: "overview" }
  | { page: "services" }
  | { page: "service"; serviceId: bigint }
  | { page: "version"; serviceId: bigint; version: bigint }
  | { page: "dataset"; datasetId: Hex }
  | { page: "address"; address: Address }
  | { page: "verify" }
  | { page: "contributor" }
  | { page: "consent"; reportCid: string }
  | { page: "consumer" }
  | { page: "notFound"; path: string };

const POSITIVE_INTEGER = /^[1-9]\d{0,30}$/;
/** Characters of a base58btc or base32 CID; anything else cannot be one. */
const CID_CHARACTERS = /^[A-Za-z0-9]{10,100}$/;
const BYTES32_HEX_LENGTH = 66;

/** Parses `location.hash` (with or without the leading "#") into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+|\/+$/g, "");
  const parts = path === "" ? [] : path.split("/").map(decodeURIComponent);
  const [first, second, third, fourth] = parts;

  switch (first) {
    case undefined:
      return { page: "overview" };
    case "services":
      if (second === undefined) return { page: "services" };
      if (!POSITIVE_INTEGER.test(second)) break;
      if (parts.length === 2) return { page: "service", serviceId: BigInt(second) };
      if (third === "versions" && fourth !== undefined && POSITIVE_INTEGER.test(fourth) && parts.length === 4) {
        return { page: "version", serviceId: BigInt(second), version: BigInt(fourth) };
      }
      break;
    case "datasets":
      if (second !== undefined && parts.length === 2 && isHex(second) && second.length === BYTES32_HEX_LENGTH) {
        return { page: "dataset", datasetId: second.toLowerCase() as Hex };
      }
      break;
    case "address":
      if (second !== undefined && parts.length === 2 && isAddress(second, { strict: false })) {
        return { page: "address", address: second.toLowerCase() as Address };
      }
      break;
    case "verify":
    case "contributor":
    case "consumer":
      if (parts.length === 1) return { page: first };
      break;
    case "consent":
      if (second !== undefined && parts.length === 2 && CID_CHARACTERS.test(second)) return { page: "consent", reportCid: second };
      break;
  }
  return { page: "notFound", path };
}

/** Returns the `href` of a route, the inverse of `parseRoute`. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case "overview":
      return "#/";
    case "services":
      return "#/services";
    case "service":
      return `#/services/${route.serviceId}`;
    case "version":
      return `#/services/${route.serviceId}/versions/${route.version}`;
    case "dataset":
      return `#/datasets/${route.datasetId}`;
    case "address":
      return `#/address/${route.address}`;
    case "verify":
    case "contributor":
    case "consumer":
      return `#/${route.page}`;
    case "consent":
      return `#/consent/${encodeURIComponent(route.reportCid)}`;
    case "notFound":
      return `#/${route.path}`;
  }
}

/** Returns the route for a typed address or dataset id, or undefined when it is neither. */
export function routeForLookup(input: string): Route | undefined {
  const value = input.trim();
  if (isAddress(value, { strict: false })) return { page: "address", address: value.toLowerCase() as Address };
  if (isHex(value) && value.length === BYTES32_HEX_LENGTH) return { page: "dataset", datasetId: value.toLowerCase() as Hex };
  return undefined;
}
