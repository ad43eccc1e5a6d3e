/// <reference types="vitest/config" />
// Vite builds the UI into ui/dist, which Tauri embeds (tauri.conf.json > build.frontendDist).
// JSX goes through esbuild's automatic runtime; no React plugin is needed for a production
// bundle, and none is downloaded from a CDN at run time: everything ships in dist/.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  clearScreen: false,
  esbuild: { jsx: "automatic" },
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    sourcemap: false,
    // Keep assets as files: inlined data: URLs would need a looser CSP.
    assetsInlineLimit: 0,
    // pdf.js (the print view's page drawer, loaded on first print) is one ~550 kB chunk.
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
