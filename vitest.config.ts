import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "compiler/**/*.test.ts",
      "rules/**/*.test.ts",
      "toolchains/**/*.test.ts",
      "test/**/*.test.ts",
      "bench/**/*.test.ts",
      "conformance/**/*.test.ts",
    ],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
