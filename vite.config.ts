import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** The web app lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "src/web"),
  plugins: [
    react(),
    // The installable field app (issue 4): the app shell, the Khmer font and the boundary files are
    // precached; a new version waits for the user to reload (src/web/offline/AppUpdate.tsx), never a
    // silent reload that would drop a form.
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      includeAssets: ["icon.svg"],
      manifest: {
        name: "សំឡេង Samleng",
        short_name: "សំឡេង",
        description: "Child-rights governance and social accountability",
        lang: "km",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#099268",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,woff2,svg,png,webmanifest}"],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "/index.html",
        // The API and the API docs are never answered from the app shell.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Indicator and rating-scale audio: the same file for everyone, played in meetings.
            urlPattern: /\/api\/v1\/(indicators|rating-scale)\/[^/]+\/audio\/(km|en)$/,
            handler: "StaleWhileRevalidate",
            options: {
              cacheName: "catalogue-audio",
              expiration: { maxEntries: 400 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": {
        target: "http://localhost:3000",
        // src/web/api/*.ts are the app's own modules, also under /api in dev: Vite serves those itself.
        bypass: (request) => (/^\/api\/[^?]*\.tsx?(\?|$)/.test(request.url ?? "") ? request.url : undefined),
      },
    },
  },
});
