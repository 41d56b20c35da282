import { describe, expect, it } from "vitest";

import { hrefOf, parseRoute, routeForLookup, type Route } from "./routes.ts";

const ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const DATASET = `0x${"ab".repeat(32)}`;

describe("routes", () => {
  it.each<[string, Route]>([
    ["", { page: "overview" }],
    ["#/", { page: "overview" }],
    ["#/services", { page: "services" }],
    ["#/services/3", { page: "service", serviceId: 3n }],
    ["#/services/3/versions/12", { page: "version", serviceId: 3n, version: 12n }],
    [`#/datasets/${DATASET}`, { page: "dataset", datasetId: DATASET as `0x${string}` }],
    [`#/address/${ADDRESS}`, { page: "address", address: ADDRESS }],
    ["#/verify", { page: "verify" }],
    ["#/contributor", { page: "contributor" }],
    ["#/consumer", { page: "consumer" }],
    ["#/consent/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", { page: "consent", reportCid: "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG" }],
  ])("parses %j and links back to it", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it("lower-cases checksummed addresses so that one address has one link", () => {
    expect(parseRoute("#/address/0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).toEqual({ page: "address", address: ADDRESS });
  });

  it.each(["#/services/0", "#/services/-1", "#/services/1/versions", "#/datasets/0x12", "#/address/0xzz", "#/consent/not%20a%20cid", "#/nowhere"])(
    "treats %j as not found",
    (hash) => {
      expect(parseRoute(hash).page).toBe("notFound");
    },
  );

  it("routes a typed address or dataset id", () => {
    expect(routeForLookup(` ${ADDRESS} `)).toEqual({ page: "address", address: ADDRESS });
    expect(routeForLookup(DATASET)).toEqual({ page: "dataset", datasetId: DATASET });
    expect(routeForLookup("0x1234")).toBeUndefined();
  });
});
