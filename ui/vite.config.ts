// Vite builds the window's front end into ui/dist, which the desktop crate embeds.
import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset URLs: the app serves dist/ from its own protocol, not a web root.
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    // No inline <script> or module preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
