import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, unauthenticated } from "../../platform/errors";
import { resumeSession, SESSION_COOKIE } from "./auth.service";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** While two-factor enrolment is pending, only these stay open (so the user can enrol or leave). */
const OPEN_DURING_ENROLMENT = /^\/api\/v1\/auth\//;
/** The one API route open without a session. */
const SIGN_IN_ROUTE = "/api/v1/auth/sign-in";

/**
 * Runs before every request: finds the session behind the cookie, and for state-changing requests
 * checks the CSRF token (synchroniser token: the session's token must come back in X-CSRF-Token).
 * A cross-site request without a session (a forged sign-in) is refused by its Sec-Fetch-Site header.
 */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  request.actor = null;
  request.session = null;
  if (!request.url.startsWith("/api/")) return;
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const session = await resumeSession(request.server.db, token, request.server.clock.now());
    if (session) {
      request.actor = session.actor;
      request.session = { tokenHash: session.tokenHash, csrfToken: session.csrfToken };
    }
  }
  // Anonymous callers hear 401 before their request is validated (not a list of field errors).
  if (!request.session && request.url.startsWith("/api/v1/") && request.routeOptions.url !== SIGN_IN_ROUTE) {
    throw unauthenticated();
  }
  if (SAFE_METHODS.has(request.method)) return;
  // Signing in again with an old session open needs no token from that session; a forged cross-site
  // sign-in is refused by the browser's Sec-Fetch-Site header instead.
  const signingIn = request.routeOptions.url === SIGN_IN_ROUTE;
  if (request.session && !signingIn) {
    if (request.headers["x-csrf-token"] !== request.session.csrfToken) throw new AppError(403, "csrf_failed");
  } else if (request.headers["sec-fetch-site"] === "cross-site") {
    throw new AppError(403, "csrf_failed");
  }
}

/** While two-factor enrolment is pending, every request but the auth routes is refused. */
export async function requireEnrolment(request: FastifyRequest): Promise<void> {
  if (
    request.actor?.mustEnrolTotp &&
    request.url.startsWith("/api/v1/") &&
    !OPEN_DURING_ENROLMENT.test(request.url)
  ) {
    throw new AppError(403, "totp_enrollment_required");
  }
}
