import { AuditPage, AuditQuery } from "../../../contracts/audit";
import { type App, ctxOf } from "../../platform/http";
import * as auditLog from "./audit.service";

export async function auditRoutes(app: App) {
  app.get(
    "/api/v1/audit",
    { schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => auditLog.list(ctxOf(request), request.query),
  );
}
