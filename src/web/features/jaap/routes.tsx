import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { ActionsPage } from "./ActionsPage";
import { JaapCyclePage } from "./JaapCyclePage";

/**
 * The JAAP, mounted at /jaap/*: a cycle's interface meeting, action plan and monitoring committee,
 * and the actions across the cycles of the user's area.
 */
export function JaapRoutes() {
  return (
    <Routes>
      <Route path="cycles/:cycleId" element={<JaapCyclePage />} />
      <Route path="actions" element={<ActionsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
