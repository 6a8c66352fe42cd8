import { authMatrix } from "./auth.rows";
import { runMatrix } from "./matrix";

runMatrix(authMatrix);
