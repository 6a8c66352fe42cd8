import { runMatrix } from "./matrix";
import { placesMatrix } from "./places.rows";

runMatrix(placesMatrix);
