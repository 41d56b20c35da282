/**
 * Builds the web app from `frontend/` into `frontend/dist/` and runs its unit tests. The app reads
 * its chain and deployment at run time from `config.json` beside `index.html`, so one build serves
 * any chain.
 */
import { readFileSync } from "node:fs";

import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/** Artifact fields that the browser uses: ABIs to decode, runtime code and immutables to verify. */
const ARTIFACT_FIELDS_IN_BROWSER = ["contractName", "abi", "deployedBytecode", "immutableReferences"];

/**
 * Keeps only the fields above of the Hardhat artifacts that `scripts/lib/chain/abis.ts` imports.
 * The creation bytecode is needed only to deploy and would add about 18 kB gzipped to the bundle.
 */
function slimArtifacts(): Plugin {
  return {
    name: "1tt-slim-artifacts",
    enforce: "pre",
    load(id) {
      if (!/[\\/]artifacts[\\/]contracts[\\/].+\.json$/.test(id)) return null;
      const artifact = JSON.parse(readFileSync(id, "utf8")) as Record<string, unknown>;
      const slim = Object.fromEntries(ARTIFACT_FIELDS_IN_BROWSER.map((field) => [field, artifact[field]]));
      // Vite's JSON plugin turns the text into a module afterwards.
      return JSON.stringify(slim);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs, so the build works under any path prefix.
  base: "./",
  plugins: [slimArtifacts(), react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The budget is on the initial JavaScript; frontend/scripts/bundle-size.ts checks it after a build.
    chunkSizeWarningLimit: 1_000,
  },
  server: { host: "127.0.0.1", fs: { allow: [".."] } },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
