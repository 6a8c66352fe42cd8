import { runMatrix } from "./matrix";
import { scorecardsMatrix } from "./scorecards.rows";

runMatrix(scorecardsMatrix);
