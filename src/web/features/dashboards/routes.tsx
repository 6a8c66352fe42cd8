import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { DashboardPage } from "./DashboardPage";

/** Dashboards, mounted at /dashboards/*: the ISAF cycle's figures from the nation down to a facility. */
export function DashboardsRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
