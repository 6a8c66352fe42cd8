import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import { problemHandler } from "./problem";

/**
 * The security headers on every response (issue 13, part 10), set by helmet: a content
 * security policy that lets the page load only this server's own scripts, styles, fonts, images and
 * media (nothing from a CDN, nothing inline but styles), never be framed by another site, send no
 * referrer to other sites, and have its content types believed as sent (nosniff).
 */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      // Mantine writes its theme's CSS variables into a <style> element at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Photos and recordings are shown from memory (blob:) before they are uploaded.
      imgSrc: ["'self'", "data:", "blob:"],
      mediaSrc: ["'self'", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // No upgrade-insecure-requests: a commune office may run Samleng over plain HTTP on its network,
      // where upgrading every request to HTTPS would break the page.
    },
  },
  // Cross-origin isolation is not needed, and would refuse the audio and photos a phone caches.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: "same-origin" },
  // Strict-Transport-Security belongs to the HTTPS proxy in front (docs/operations.md), which knows
  // whether the site is served over HTTPS at all.
  strictTransportSecurity: false,
};

const setHeaders = helmet(SECURITY_HEADERS);

/** An onRequest hook: every response of the app carries the headers, errors included. */
export function securityHeaders(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
}

/**
 * The router's own refusals (a malformed URL, a path parameter too long: Fastify's frameworkErrors)
 * come before any hook: they get the same headers here, and answer as every other error does.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  setHeaders(request.raw, reply.raw, () => problemHandler(error, request, reply));
}
