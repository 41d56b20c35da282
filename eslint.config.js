// TypeScript lint for scripts, tests, the CLI and the web app.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["artifacts/", "cache/", "coverage/", "types/", "node_modules/", "frontend/dist/", ".1tt/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-console": ["error", { allow: ["warn", "error"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Command-line entry points and benchmarks print their results.
    files: ["scripts/cli/**", "scripts/bench/**", "scripts/corpora/**", "bin/**"],
    rules: { "no-console": "off" },
  },
);
