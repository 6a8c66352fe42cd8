import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors";
import { resumeSession, SESSION_COOKIE } from "./auth.service";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** While two-factor enrolment is pending, only these stay open (so the user can enrol or leave). */
const OPEN_DURING_ENROLMENT = /^\/api\/v1\/auth\//;

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
    const session = await resumeSession(request.server.db, token);
    if (session) {
      request.actor = session.actor;
      request.session = { tokenHash: session.tokenHash, csrfToken: session.csrfToken };
    }
  }
  if (SAFE_METHODS.has(request.method)) return;
  if (request.session) {
    if (request.headers["x-csrf-token"] !== request.session.csrfToken) throw new AppError(403, "csrf_failed");
    if (request.actor?.mustEnrolTotp && !OPEN_DURING_ENROLMENT.test(request.url)) {
      throw new AppError(403, "totp_enrollment_required");
    }
  } else if (request.headers["sec-fetch-site"] === "cross-site") {
    throw new AppError(403, "csrf_failed");
  }
}

/** GET requests are refused too while enrolment is pending, apart from the auth routes. */
export async function requireEnrolment(request: FastifyRequest): Promise<void> {
  if (
    request.actor?.mustEnrolTotp &&
    request.url.startsWith("/api/v1/") &&
    !OPEN_DURING_ENROLMENT.test(request.url)
  ) {
    throw new AppError(403, "totp_enrollment_required");
  }
}
