import { PullQuery, PullResponse, PushBody, PushResponse } from "../../../contracts/sync";
import { type App, ctxOf } from "../../platform/http";
import { pull } from "./sync.pull";
import * as sync from "./sync.service";

const tags = ["sync"];

export async function syncRoutes(app: App) {
  app.post(
    "/api/v1/sync/push",
    { schema: { tags, body: PushBody, response: { 200: PushResponse } } },
    async (request) => sync.push(ctxOf(request), request.body),
  );

  app.get(
    "/api/v1/sync/pull",
    { schema: { tags, querystring: PullQuery, response: { 200: PullResponse } } },
    async (request) => pull(ctxOf(request), request.query),
  );
}
