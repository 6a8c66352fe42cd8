import { runMatrix } from "./matrix";
import { organisationsMatrix } from "./organisations.rows";

runMatrix(organisationsMatrix);
