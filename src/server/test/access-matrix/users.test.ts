import { runMatrix } from "./matrix";
import { usersMatrix } from "./users.rows";

runMatrix(usersMatrix);
