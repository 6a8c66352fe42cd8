import { dashboardsMatrix } from "./dashboards.rows";
import { runMatrix } from "./matrix";

runMatrix(dashboardsMatrix);
