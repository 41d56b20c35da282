import { createRequire } from "node:module";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";
import { defineConfig } from "hardhat/config";

// Hardhat would download solc. The npm `solc` package ships the same compiler as soljson.js, so
// builds work offline and every machine compiles with the same version.
const require = createRequire(import.meta.url);
const solcVersion: string = require("solc/package.json").version;
const solcPath = require.resolve("solc/soljson.js");

const optimizer = { enabled: true, runs: 10_000 };

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    profiles: {
      default: {
        version: solcVersion,
        path: solcPath,
        settings: { evmVersion: "prague", optimizer },
      },
      production: {
        version: solcVersion,
        path: solcPath,
        settings: { evmVersion: "prague", optimizer, viaIR: true },
      },
    },
  },
  paths: {
    tests: { solidity: "test/solidity", nodejs: "test" },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.ONETT_RPC_URL ?? "http://127.0.0.1:8545",
    },
  },
});
