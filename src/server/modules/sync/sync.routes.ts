import { PushBody, PushResponse } from "../../../contracts/sync";
import { type App, ctxOf } from "../../platform/http";
import * as sync from "./sync.service";

const tags = ["sync"];

export async function syncRoutes(app: App) {
  app.post(
    "/api/v1/sync/push",
    { schema: { tags, body: PushBody, response: { 200: PushResponse } } },
    async (request) => sync.push(ctxOf(request), request.body),
  );
}
