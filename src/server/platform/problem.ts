import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "./errors";
import { localeOf } from "./http";
import { type Locale, type MessageCode, message } from "./messages";
import { fieldErrorsFromZod } from "./validation";

/** Fastify's and PostgreSQL's own errors, as our stable codes. Anything unknown is a 500. */
function toAppError(error: FastifyError & { code?: string }, request: FastifyRequest): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Zod leaves the input out of its issues; take it from the request, so that a missing field
    // and a field of the wrong type (or a malformed place code) are told apart.
    const source = { body: request.body, querystring: request.query, params: request.params }[
      error.validationContext as "body" | "querystring" | "params"
    ];
    return new AppError(
      400,
      "validation_failed",
      {},
      fieldErrorsFromZod(
        error.validation.map((v) => {
          // The type provider flattens each zod issue into Fastify's shape; put the issue back together.
          const path = v.instancePath.split("/").filter(Boolean);
          return {
            ...v.params,
            code: v.keyword,
            message: v.message,
            path,
            input: valueAt(source, path),
          } as unknown as z.core.$ZodIssue;
        }),
      ),
    );
  }
  const byFastifyCode: Record<string, [number, MessageCode]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [400, "malformed_json"],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, "malformed_json"],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, "body_too_large"],
    FST_REQ_FILE_TOO_LARGE: [413, "body_too_large"],
    FST_PARTS_LIMIT: [413, "body_too_large"],
    FST_FILES_LIMIT: [413, "body_too_large"],
    FST_FIELDS_LIMIT: [413, "body_too_large"],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type"],
    FST_INVALID_MULTIPART_CONTENT_TYPE: [400, "import_file_missing"],
    FST_ERR_VALIDATION: [400, "validation_failed"],
    // The router's own refusals (buildApp's frameworkErrors): bytes that are no URL, a path parameter
    // longer than the router takes.
    FST_ERR_BAD_URL: [400, "malformed_url"],
    FST_ERR_MAX_PARAM_LENGTH: [414, "url_too_long"],
  };
  const known = error.code ? byFastifyCode[error.code] : undefined;
  if (known) return new AppError(known[0], known[1]);
  if (error.statusCode === 429) return new AppError(429, "rate_limited");
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError(400, "malformed_json");
  const fromDatabase = databaseInputError(error);
  if (fromDatabase) return fromDatabase;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError(error.statusCode, "validation_failed");
  return undefined;
}

/**
 * PostgreSQL refusing the input (a constraint the service did not foresee) is still the caller's
 * mistake, not a crash: 23505 a duplicate (409); 23503 a missing reference, 22P02 bad text
 * representation, 22001 string too long, 22003 number out of range, 22007/22008 a date the database
 * cannot hold, 22021 a character it cannot store (a NUL that got past refuseNulCharacters) (400).
 * Nothing was written. Undefined for any other error.
 */
export function databaseInputError(error: unknown): AppError | undefined {
  const pgCode =
    (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (pgCode === "23505") return new AppError(409, "validation_failed");
  if (["23503", "22P02", "22001", "22003", "22007", "22008", "22021"].includes(pgCode ?? ""))
    return new AppError(400, "validation_failed");
  return undefined;
}

/**
 * A service's error as the refusal the caller gets (an AppError below 500, or a database refusing
 * the input), or undefined for a fault. For code that answers a refusal and carries on: the sync
 * push, which answers each command.
 */
export function refusalOf(error: unknown): AppError | undefined {
  const appError = error instanceof AppError ? error : databaseInputError(error);
  return appError && appError.status < 500 ? appError : undefined;
}

/** An error's localised parts, as problem+json and the sync push's per-command answers show them. */
export function describeError(appError: AppError, locale: Locale) {
  return {
    code: appError.code,
    message: message(appError.code, locale, appError.params),
    errors: appError.fieldErrors.map((field) => ({
      path: field.path,
      code: field.code,
      message: message(field.code, locale, field.params),
    })),
  };
}

/** The value at a path inside parsed JSON, or undefined. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * What of an error may be logged: a failed query's error (drizzle's DrizzleQueryError) carries the
 * query's parameters in its message, and those can be a citizen's words or a report of harm to a
 * child. The database's own error (its cause) says what went wrong without them.
 */
export function loggable(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const isQueryError = error instanceof Error && error.message.startsWith("Failed query");
  return isQueryError && cause instanceof Error ? cause : error;
}

/** Renders every error as RFC 9457 problem+json, in the caller's language. */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error, request) ?? new AppError(500, "internal_error");
  if (appError.status >= 500) request.log.error({ err: loggable(error) }, "request failed");
  const locale = localeOf(request);
  const body = {
    type: `https://samleng.org/problems/${appError.code}`,
    title: message(appError.code, "en", appError.params),
    status: appError.status,
    code: appError.code,
    detail: message(appError.code, locale, appError.params),
    ...(appError.fieldErrors.length ? { errors: describeError(appError, locale).errors } : {}),
  };
  reply.status(appError.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(body));
}
