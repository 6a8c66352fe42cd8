import type { MessageCode, MessageParams } from "./messages";

/** One field's problem, reported in problem+json `errors`. */
export interface FieldError {
  /** Dotted path of the field, e.g. "nameKm" or "rows.3.code". */
  path: string;
  code: MessageCode;
  params?: MessageParams;
}

/**
 * The one error type of the server. Rendered as RFC 9457 problem+json with a stable `code`
 * and a message in the caller's language (see app error handler).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

/** Out of scope and missing look the same: "not found" (ARCHITECTURE.md, Access). */
export const notFound = (entity: string) => new AppError(404, "not_found", { entity });
export const forbidden = () => new AppError(403, "forbidden");
export const unauthenticated = () => new AppError(401, "unauthenticated");
export const badRequest = (code: MessageCode, fieldErrors: FieldError[] = [], params: MessageParams = {}) =>
  new AppError(400, code, params, fieldErrors);
export const conflict = (code: MessageCode, fieldErrors: FieldError[] = [], params: MessageParams = {}) =>
  new AppError(409, code, params, fieldErrors);
