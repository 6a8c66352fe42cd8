import type { FastifyRequest } from "fastify";
import { AppError, badRequest, type FieldError } from "./errors";

/**
 * Input that no service should ever see (issue 13, part 10). PostgreSQL cannot store a NUL character
 * (U+0000) in text: a request carrying one in a path parameter, the query or the body reached the
 * database and failed there as a 500. It is refused here, before validation, for every route at
 * once: 400 `validation_failed` with the field that holds it.
 */
const NUL = "\u0000";

/** The paths (dot-joined, as validation errors name them) of every string in `value` holding a NUL. */
export function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return value.includes(NUL) ? [path.join(".")] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(NUL) ? [[...path, key.replaceAll(NUL, "\\0")].join(".")] : nulPaths(item, [...path, key]),
    );
  }
  return [];
}

/** A preValidation hook: 400 when a path parameter, the query or a body holds a NUL character. */
export async function refuseNulCharacters(request: FastifyRequest) {
  const found: FieldError[] = [
    ...nulPaths(request.params),
    ...nulPaths(request.query),
    // A multipart body is read by the route itself (uploadedFile below).
    ...(request.isMultipart() ? [] : nulPaths(request.body)),
  ].map((path) => ({ path, code: "field_has_nul" as const }));
  if (found.length > 0) throw badRequest("validation_failed", found);
}

/** A file sent as multipart form data. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * The file a route takes in the multipart field `field`, or null when the request is not multipart or
 * holds no such file. A body that breaks off or is not multipart at all (the parser's own errors,
 * raised while the file is read) is 400 `malformed_multipart`, not a fault.
 */
export async function uploadedFile(request: FastifyRequest, field = "file"): Promise<UploadedFile | null> {
  if (!request.isMultipart()) return null;
  try {
    const file = await request.file();
    if (!file || file.fieldname !== field) return null;
    return { fileName: file.filename, contentType: file.mimetype, data: await file.toBuffer() };
  } catch (error) {
    // The limits (413) and the content type (415) are Fastify's errors with their own answers.
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError(400, "malformed_multipart");
  }
}

/**
 * A preValidation hook for a route that also takes its fields as multipart form data (an SMS gateway
 * that posts that way): the text fields become the body that the route's schema validates. Files are
 * not taken; more fields or longer ones than `limits` allow are 413; a field holding a NUL character
 * is refused as in any other body; a body that breaks off is 400 `malformed_multipart`.
 */
export function multipartFieldsAsBody(limits: { fields: number; fieldSize: number }) {
  return async (request: FastifyRequest) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts({ limits: { ...limits, files: 0 } })) {
        if (part.type === "file") part.file.resume();
        else if (part.valueTruncated) throw new AppError(413, "body_too_large");
        else if (typeof part.value === "string") fields[part.fieldname] = part.value;
      }
    } catch (error) {
      if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
      throw new AppError(400, "malformed_multipart");
    }
    const found = nulPaths(fields).map((path) => ({ path, code: "field_has_nul" as const }));
    if (found.length > 0) throw badRequest("validation_failed", found);
    request.body = fields;
  };
}
