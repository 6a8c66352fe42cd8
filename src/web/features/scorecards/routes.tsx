import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { ComparisonPage } from "./ComparisonPage";
import { MeetingPage } from "./MeetingPage";
import { OpenCardPage } from "./OpenCardPage";
import { ReviewsPage } from "./ReviewsPage";

/**
 * Score cards, mounted at /scorecards/*: a cycle's community card or self-assessment (opened or
 * created), the meeting screens of one card, the comparison of the two, and the review queue.
 */
export function ScorecardsRoutes() {
  return (
    <Routes>
      <Route path="reviews" element={<ReviewsPage />} />
      <Route path="cycle/:cycleId/comparison" element={<ComparisonPage />} />
      <Route path="cycle/:cycleId/:kind" element={<OpenCardPage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
