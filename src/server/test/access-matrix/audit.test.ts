import { auditMatrix } from "./audit.rows";
import { runMatrix } from "./matrix";

runMatrix(auditMatrix);
