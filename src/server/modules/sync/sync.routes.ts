import { PullQuery, PullResponse, PushBody, PushResponse } from "../../../contracts/sync";
import { type App, ctxOf } from "../../platform/http";
import { pull } from "./sync.pull";
import type { SyncRegistry } from "./sync.registry";
import * as sync from "./sync.service";

const tags = ["sync"];

/** The push and the pull, over the streams and commands the modules registered (src/server/sync.ts). */
export async function syncRoutes(app: App, options: { registry: SyncRegistry }) {
  app.post(
    "/api/v1/sync/push",
    { schema: { tags, body: PushBody, response: { 200: PushResponse } } },
    async (request) => sync.push(ctxOf(request), options.registry, request.body),
  );

  app.get(
    "/api/v1/sync/pull",
    { schema: { tags, querystring: PullQuery, response: { 200: PullResponse } } },
    async (request) => pull(ctxOf(request), options.registry, request.query),
  );
}
