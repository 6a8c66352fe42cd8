import { runMatrix } from "./matrix";
import { syncMatrix } from "./sync.rows";

runMatrix(syncMatrix);
