import type { FastifyReply } from "fastify";
import {
  ChangePasswordBody,
  Ok,
  PreferencesBody,
  SessionInfo,
  SignInBody,
  TotpDisableBody,
  TotpEnableBody,
  TotpSetup,
} from "../../../contracts/auth";
import { type App, ctxOf, depsOf } from "../../platform/http";
import * as auth from "./auth.service";

const tags = ["auth"];

export async function authRoutes(app: App, options: { secureCookies: boolean }) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(auth.SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secureCookies,
      path: "/",
      maxAge: 30 * 24 * 60 * 60,
    });

  app.post(
    "/api/v1/auth/sign-in",
    {
      schema: { tags, body: SignInBody, response: { 200: SessionInfo } },
      config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await auth.signIn(
        request.server.db,
        request.body,
        {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        },
        request.server.clock.now(),
      );
      setCookie(reply, result.token);
      const ctx = {
        ...depsOf(request.server),
        actor: result.actor,
        ip: request.ip,
        locale: result.actor.locale,
      };
      return { user: await auth.me(ctx), csrfToken: result.csrfToken };
    },
  );

  app.get("/api/v1/auth/session", { schema: { tags, response: { 200: SessionInfo } } }, async (request) => {
    const ctx = ctxOf(request);
    return { user: await auth.me(ctx), csrfToken: request.session!.csrfToken };
  });

  app.post("/api/v1/auth/sign-out", { schema: { tags, response: { 200: Ok } } }, async (request, reply) => {
    await auth.signOut(ctxOf(request), request.session!.tokenHash);
    reply.clearCookie(auth.SESSION_COOKIE, { path: "/" });
    return { ok: true as const };
  });

  app.post(
    "/api/v1/auth/sign-out-everywhere",
    { schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      await auth.signOutEverywhere(ctxOf(request));
      reply.clearCookie(auth.SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.put(
    "/api/v1/auth/preferences",
    { schema: { tags, body: PreferencesBody, response: { 200: Ok } } },
    async (request) => {
      await auth.setLocale(ctxOf(request), request.body.locale);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/auth/password",
    { schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await auth.changePassword(ctx, request.body.currentPassword, request.body.newPassword);
      reply.clearCookie(auth.SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.post("/api/v1/auth/totp/setup", { schema: { tags, response: { 200: TotpSetup } } }, async (request) =>
    auth.startTotpSetup(ctxOf(request)),
  );

  app.post(
    "/api/v1/auth/totp/enable",
    { schema: { tags, body: TotpEnableBody, response: { 200: Ok } } },
    async (request) => {
      await auth.enableTotp(ctxOf(request), request.body.code);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/auth/totp/disable",
    { schema: { tags, body: TotpDisableBody, response: { 200: Ok } } },
    async (request) => {
      await auth.disableTotp(ctxOf(request), request.body.password);
      return { ok: true as const };
    },
  );
}
