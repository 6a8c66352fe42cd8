import {
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationListQuery,
  OrganisationParams,
} from "../../../contracts/organisations";
import { type App, created, ctxOf } from "../../platform/http";
import type { UserCountSql } from "./organisations.repo";
import * as organisations from "./organisations.service";

const tags = ["organisations"];

/**
 * `userCountSql`: how many users an organisation has, from the users module (users/people.service),
 * handed in by app.ts because users sit above organisations (docs/mechanisms/boundaries.md).
 */
export async function organisationsRoutes(app: App, options: { userCountSql: UserCountSql }) {
  const { userCountSql } = options;
  app.get(
    "/api/v1/organisations",
    { schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationList } } },
    async (request) => organisations.list(ctxOf(request), request.query, userCountSql),
  );
  app.post(
    "/api/v1/organisations",
    { schema: { tags, body: OrganisationInput, response: { 201: Organisation } } },
    async (request, reply) =>
      created(reply, await organisations.create(ctxOf(request), request.body, userCountSql)),
  );
  app.get(
    "/api/v1/organisations/:id",
    { schema: { tags, params: OrganisationParams, response: { 200: Organisation } } },
    async (request) => organisations.get(ctxOf(request), request.params.id, userCountSql),
  );
  app.put(
    "/api/v1/organisations/:id",
    {
      schema: { tags, params: OrganisationParams, body: OrganisationInput, response: { 200: Organisation } },
    },
    async (request) => organisations.update(ctxOf(request), request.params.id, request.body, userCountSql),
  );
}
