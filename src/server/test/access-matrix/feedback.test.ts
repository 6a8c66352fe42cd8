import { feedbackMatrix } from "./feedback.rows";
import { runMatrix } from "./matrix";

runMatrix(feedbackMatrix);
