import { DashboardExportQuery, DashboardQuery } from "../../../contracts/dashboards";
import { type App, ctxOf } from "../../platform/http";
import { exportFileName, toCsv, toXlsx } from "./dashboards.export";
import * as dashboards from "./dashboards.service";

const tags = ["dashboards"];

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function dashboardsRoutes(app: App) {
  // The answer is the Dashboard contract (dashboards.test.ts parses it); it is not validated again on
  // every response, which would cost more than the rollup reads of a small scope.
  app.get("/api/v1/dashboards/isaf", { schema: { tags, querystring: DashboardQuery } }, async (request) =>
    dashboards.dashboard(ctxOf(request), request.query),
  );

  app.get(
    "/api/v1/dashboards/isaf/export",
    { schema: { tags, querystring: DashboardExportQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { format, ...query } = request.query;
      const dashboard = await dashboards.dashboard(ctx, query);
      const body = format === "csv" ? toCsv(dashboard, ctx.locale) : await toXlsx(dashboard, ctx.locale);
      reply.header("content-type", format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE);
      reply.header("content-disposition", `attachment; filename="${exportFileName(dashboard, format)}"`);
      reply.header("cache-control", "private, no-store");
      return reply.send(body);
    },
  );
}
