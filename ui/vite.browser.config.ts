// Builds the UI with the IPC mock (browser/mock-main.ts) into dist-browser, for the browser tests.
// Same React code and styles as the app; only the entry differs.
import { defineConfig } from "vite";
import { resolve } from "node:path";

export default defineConfig({
  base: "./",
  root: resolve(import.meta.dirname, "browser"),
  esbuild: { jsx: "automatic" },
  build: {
    // The runner (browser/app.test.mjs) passes a temporary outDir; this is only the default.
    outDir: resolve(import.meta.dirname, "node_modules/.flightplan-browser"),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
  },
});
