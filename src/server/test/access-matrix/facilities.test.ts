import { facilitiesMatrix } from "./facilities.rows";
import { runMatrix } from "./matrix";

runMatrix(facilitiesMatrix);
