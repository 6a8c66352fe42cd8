import { exportsMatrix } from "./exports.rows";
import { runMatrix } from "./matrix";

runMatrix(exportsMatrix);
