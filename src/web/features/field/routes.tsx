import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { FieldFeedbackPage } from "./FieldFeedbackPage";
import { FieldSessionPage } from "./FieldSessionPage";
import { FieldWorkPage } from "./FieldWorkPage";
import { SyncStatusPage } from "./SyncStatusPage";

/** Field work, mounted at /field/*: the work on this phone, its sync status, and what is recorded offline (outreach sessions, citizens' messages). */
export function FieldRoutes() {
  return (
    <Routes>
      <Route index element={<FieldWorkPage />} />
      <Route path="sync" element={<SyncStatusPage />} />
      <Route path="cycles/:cycleId/session" element={<FieldSessionPage />} />
      <Route path="cycles/:cycleId/feedback" element={<FieldFeedbackPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
