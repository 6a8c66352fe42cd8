import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { usePageTitle } from "../../components/PageHeader";
import { PublicFeedbackPage } from "../feedback/PublicFeedbackPage";
import { PublicFiguresPage } from "../feedback/PublicFiguresPage";
import { PublicTrackPage } from "../feedback/PublicTrackPage";
import { PublicCommunePage } from "./PublicCommunePage";
import { PublicFacilityPage } from "./PublicFacilityPage";
import { PublicFrame } from "./PublicFrame";
import { PublicNotFound } from "./PublicStates";

/**
 * The public results, mounted at /public/* outside the signed-in layout: anyone may read them,
 * in Khmer by default.
 */
export function PublicRoutes() {
  return (
    <Routes>
      <Route path="facilities/:id" element={<PublicFacilityPage />} />
      <Route path="communes/:code" element={<PublicCommunePage />} />
      <Route path="feedback" element={<PublicFeedbackPage />} />
      <Route path="feedback/track" element={<PublicTrackPage />} />
      <Route path="feedback/figures" element={<PublicFiguresPage />} />
      <Route path="*" element={<PublicNotFoundPage />} />
    </Routes>
  );
}

function PublicNotFoundPage() {
  const { t } = useTranslation("public");
  usePageTitle(t("states.notFoundTitle"));
  return (
    <PublicFrame>
      <PublicNotFound />
    </PublicFrame>
  );
}
