import { AuditPage, AuditQuery } from "../../../contracts/audit";
import { PagingQuery } from "../../../contracts/common";
import { FacilityParams } from "../../../contracts/facilities";
import { type App, ctxOf } from "../../platform/http";
import * as facilities from "../facilities/facilities.service";
import * as auditLog from "./audit.service";

/**
 * The audit log and the history of one record. A record's history is served here, not by the
 * record's module, so that the audit module depends on the modules whose records it shows and not
 * the other way round (docs/mechanisms/boundaries.md).
 */
export async function auditRoutes(app: App, options: { names: auditLog.RecordNamers }) {
  app.get(
    "/api/v1/audit",
    { schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => auditLog.list(ctxOf(request), request.query, options.names),
  );

  app.get(
    "/api/v1/facilities/:id/history",
    {
      schema: {
        tags: ["facilities"],
        params: FacilityParams,
        querystring: PagingQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await facilities.get(ctx, request.params.id); // 404 unless the facility is in the caller's area
      return auditLog.historyOf(ctx, "facility", request.params.id, request.query, options.names);
    },
  );
}
