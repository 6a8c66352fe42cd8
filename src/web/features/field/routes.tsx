import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/NotFoundPage";
import { FieldSessionPage } from "./FieldSessionPage";
import { FieldWorkPage } from "./FieldWorkPage";
import { SyncStatusPage } from "./SyncStatusPage";

/** Field work, mounted at /field/*: the work on this phone, its sync status, and an outreach session recorded offline. */
export function FieldRoutes() {
  return (
    <Routes>
      <Route index element={<FieldWorkPage />} />
      <Route path="sync" element={<SyncStatusPage />} />
      <Route path="cycles/:cycleId/session" element={<FieldSessionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
