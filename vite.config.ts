import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web app lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "src/web"),
  plugins: [react()],
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
