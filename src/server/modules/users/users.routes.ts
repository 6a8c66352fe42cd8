import {
  ResetPasswordBody,
  RoleSettingBody,
  RoleSettingParams,
  RoleSettings,
  User,
  UserCreate,
  UserListQuery,
  UserPage,
  UserParams,
  UserUpdate,
} from "../../../contracts/users";
import { type App, created, ctxOf } from "../../platform/http";
import * as users from "./users.service";

const tags = ["users"];

export async function usersRoutes(app: App) {
  app.get(
    "/api/v1/users",
    { schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } },
    async (request) => users.list(ctxOf(request), request.query),
  );
  app.post(
    "/api/v1/users",
    { schema: { tags, body: UserCreate, response: { 201: User } } },
    async (request, reply) => created(reply, await users.create(ctxOf(request), request.body)),
  );
  app.get(
    "/api/v1/users/:id",
    { schema: { tags, params: UserParams, response: { 200: User } } },
    async (request) => users.get(ctxOf(request), request.params.id),
  );
  app.put(
    "/api/v1/users/:id",
    { schema: { tags, params: UserParams, body: UserUpdate, response: { 200: User } } },
    async (request) => users.update(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/v1/users/:id/password",
    { schema: { tags, params: UserParams, body: ResetPasswordBody, response: { 200: User } } },
    async (request) => users.resetPassword(ctxOf(request), request.params.id, request.body.password),
  );
  app.get("/api/v1/roles", { schema: { tags, response: { 200: RoleSettings } } }, async (request) =>
    users.roleSettings(ctxOf(request)),
  );
  app.put(
    "/api/v1/roles/:role",
    { schema: { tags, params: RoleSettingParams, body: RoleSettingBody, response: { 200: RoleSettings } } },
    async (request) => users.setRoleSetting(ctxOf(request), request.params.role, request.body.requireTotp),
  );
}
