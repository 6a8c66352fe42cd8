import { isafMatrix } from "./isaf.rows";
import { runMatrix } from "./matrix";

runMatrix(isafMatrix);
