import { jaapMatrix } from "./jaap.rows";
import { runMatrix } from "./matrix";

runMatrix(jaapMatrix);
