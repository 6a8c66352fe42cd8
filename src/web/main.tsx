import "@fontsource/noto-sans-khmer/400.css";
import "@fontsource/noto-sans-khmer/500.css";
import "@fontsource/noto-sans-khmer/700.css";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/app.css";
import "./i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { Providers } from "./app/Providers";
import { queryClient } from "./app/query-client";
import { router } from "./app/router";
import { watchForLostSession } from "./features/auth/session";
import { fieldState, startIdleLock, subscribeField } from "./offline/field-store";

watchForLostSession(queryClient);
// Field work: the device's store locks itself when left alone, and syncs by itself when it can. The
// sync engine (with the database code) loads when a field store first opens, not on every first visit.
startIdleLock();
subscribeField(() => {
  if (fieldState().status !== "open") return;
  void Promise.all([import("./offline/sync-engine"), import("./features/field/field.kinds")]).then(
    ([engine, { FIELD_RECORD_KINDS }]) =>
      engine.startSyncEngine(
        FIELD_RECORD_KINDS,
        () => void queryClient.invalidateQueries({ queryKey: ["scorecards"] }),
      ),
  );
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
