import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { CataloguePage } from "./CataloguePage";
import { CyclePage } from "./CyclePage";
import { CyclesPage } from "./CyclesPage";
import { I4cPage } from "./I4cPage";
import { PlanCyclesPage } from "./PlanCyclesPage";
import { PosterPage } from "./PosterPage";
import { ProgrammeEditPage, ProgrammeNewPage } from "./ProgrammeForm";
import { ProgrammePage } from "./ProgrammePage";
import { ProgrammesPage } from "./ProgrammesPage";

/** /programmes/*: the list, a programme, its form, and planning its cycles. */
export function ProgrammesRoutes() {
  return (
    <Routes>
      <Route index element={<ProgrammesPage />} />
      <Route path="new" element={<ProgrammeNewPage />} />
      <Route path=":id" element={<ProgrammePage />} />
      <Route path=":id/edit" element={<ProgrammeEditPage />} />
      <Route path=":id/plan" element={<PlanCyclesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /cycles/*: the list, one cycle, its I4C pack and the printable poster. */
export function CyclesRoutes() {
  return (
    <Routes>
      <Route index element={<CyclesPage />} />
      <Route path=":id" element={<CyclePage />} />
      <Route path=":id/i4c" element={<I4cPage />} />
      <Route path=":id/i4c/poster" element={<PosterPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /catalogue: the indicator catalogue and the rating scale. */
export function CatalogueRoutes() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
