import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { FacilitiesPage } from "./FacilitiesPage";
import { FacilityCreatePage, FacilityEditPage } from "./FacilityEditPages";
import { FacilityImportPage } from "./FacilityImportPage";
import { FacilityPage } from "./FacilityPage";

/**
 * The facility registry, mounted at /facilities/*: the list and map, one facility, the add and edit
 * forms, and the spreadsheet import.
 */
export function FacilitiesRoutes() {
  return (
    <Routes>
      <Route index element={<FacilitiesPage />} />
      <Route path="new" element={<FacilityCreatePage />} />
      <Route path="import" element={<FacilityImportPage />} />
      <Route path=":id" element={<FacilityPage />} />
      <Route path=":id/edit" element={<FacilityEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
