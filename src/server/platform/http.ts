import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../db/database";
import type { Actor } from "./actor";
import type { Clock } from "./clock";
import type { ContactCipher } from "./contact-cipher";
import type { Ctx, Deps } from "./context";
import { unauthenticated } from "./errors";
import type { JobRunner } from "./jobs";
import { type Locale, localeFromHeader } from "./messages";

/** The Fastify instance every module registers its routes on. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    /** Seals citizens' phone numbers (platform/contact-cipher.ts). */
    contactCipher: ContactCipher;
    /** Background jobs: a module nudges one after a commit that gave it work. */
    jobs: JobRunner;
    /** The time services read (platform/clock.ts). */
    clock: Clock;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. Set by the auth hook. */
    actor: Actor | null;
    /** The session's token hash and CSRF token, when signed in. */
    session: { tokenHash: string; csrfToken: string } | null;
  }
}

/** The caller's language: the user's choice when signed in, else Accept-Language, else Khmer. */
export function localeOf(request: FastifyRequest): Locale {
  return request.actor?.locale ?? localeFromHeader(request.headers["accept-language"]);
}

/** The app's dependencies, as services take them (the database, the clock, the cipher, the jobs). */
export function depsOf(server: FastifyInstance): Deps {
  return { db: server.db, clock: server.clock, cipher: server.contactCipher, jobs: server.jobs };
}

/** The service context of a signed-in request; 401 when nobody is signed in. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw unauthenticated();
  return { ...depsOf(request.server), actor: request.actor, ip: request.ip, locale: localeOf(request) };
}

/** Sends 201 with a body. */
export function created<T>(reply: FastifyReply, body: T): T {
  reply.code(201);
  return body;
}
