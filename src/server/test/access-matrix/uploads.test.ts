import { runMatrix } from "./matrix";
import { uploadsMatrix } from "./uploads.rows";

runMatrix(uploadsMatrix);
