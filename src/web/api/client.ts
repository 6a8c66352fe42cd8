import type { z } from "zod";
import type { Problem } from "../../contracts/common";
import i18n, { currentLanguage } from "../i18n";

type ProblemBody = z.infer<typeof Problem>;
type FieldProblem = NonNullable<ProblemBody["errors"]>[number];

/**
 * The one error type of the web app: an RFC 9457 problem from the API, or a network failure
 * (status 0). `detail` is already in the user's language; `fieldErrors` maps a field path to its message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly fieldErrors: Record<string, string>;

  constructor(problem: ProblemBody) {
    super(problem.detail);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.fieldErrors = {};
    for (const error of this.errors) this.fieldErrors[error.path] ??= error.message;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Keeps the session's CSRF token, sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the API says the session is gone (401): the app sends the user to sign in. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** Sign-in answers 401 for wrong credentials; that is a form error, not a lost session. */
const SIGN_IN_PATH = "/api/v1/auth/sign-in";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type QueryValue = string | number | boolean | null | undefined;

/** Appends the defined, non-empty parameters to a path: withQuery("/x", {q: "a", n: undefined}) → "/x?q=a". */
export function withQuery(path: string, query: Record<string, QueryValue | QueryValue[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== "") params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `${path}${path.includes("?") ? "&" : "?"}${text}` : path;
}

function headersFor(method: Method, hasJsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": currentLanguage(),
  };
  if (hasJsonBody) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  return headers;
}

function networkError(): ApiError {
  return new ApiError({
    type: "about:blank",
    title: i18n.t("common:errors.networkTitle"),
    status: 0,
    code: "network_error",
    detail: i18n.t("common:errors.network"),
  });
}

/** Turns a failed response body into an ApiError; bodies that are not problem+json get a generic message. */
function problemFrom(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as Partial<ProblemBody>;
    if (typeof body.code === "string" && typeof body.detail === "string") {
      return new ApiError({
        type: body.type ?? "about:blank",
        title: body.title ?? "",
        status: body.status ?? status,
        code: body.code,
        detail: body.detail,
        errors: Array.isArray(body.errors) ? body.errors : [],
      });
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to the generic message.
  }
  return new ApiError({
    type: "about:blank",
    title: i18n.t("common:errors.serverTitle"),
    status,
    code: "http_error",
    detail: i18n.t("common:errors.server", { status }),
  });
}

function handleFailure(path: string, error: ApiError): never {
  if (error.status === 401 && path !== SIGN_IN_PATH) unauthorizedHandler?.();
  throw error;
}

function parseBody<T>(text: string): T {
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Fetches the session's CSRF token again (another tab may have signed in anew, replacing the session).
 * True when a fresh token was obtained.
 */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch("/api/v1/auth/session", {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return false;
    const session = (await response.json()) as { csrfToken?: unknown };
    if (typeof session.csrfToken !== "string") return false;
    csrfToken = session.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/** Sends a request and returns the successful response; failures become ApiErrors (CSRF retried once). */
async function send(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  retried = false,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = problemFrom(response.status, await response.text());
    if (error.code === "csrf_failed" && !retried && (await refreshCsrfToken())) {
      return send(method, path, body, signal, true);
    }
    handleFailure(path, error);
  }
  return response;
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(method, path, body, signal);
  return parseBody<T>(await response.text());
}

/** A file the server made (an export): its bytes, the name it suggests, and its headers. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

async function postForFile(path: string, body: unknown): Promise<DownloadedFile> {
  const response = await send("POST", path, body);
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "samleng-export";
  return { blob: await response.blob(), fileName, headers: response.headers };
}

interface GetOptions {
  signal?: AbortSignal;
}

/** JSON over HTTP to the Samleng API. Every feature uses this; nothing calls fetch directly. */
export const api = {
  get: <T>(path: string, options: GetOptions = {}) => request<T>("GET", path, undefined, options.signal),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body ?? {}),
  delete: <T>(path: string, body?: unknown) => request<T>("DELETE", path, body),
  /** POST answered with a file to save (an audited export). */
  postForFile: (path: string, body?: unknown) => postForFile(path, body ?? {}),
  /** PUT of raw bytes (a chunk of an upload), answered with JSON. */
  putBytes: <T>(path: string, bytes: ArrayBuffer, signal?: AbortSignal) => sendBytes<T>(path, bytes, signal),
};

async function sendBytes<T>(path: string, bytes: ArrayBuffer, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PUT",
      credentials: "same-origin",
      headers: { ...headersFor("PUT", false), "Content-Type": "application/octet-stream" },
      body: bytes,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError();
  }
  const text = await response.text();
  if (!response.ok) handleFailure(path, problemFrom(response.status, text));
  return parseBody<T>(text);
}

/**
 * Sends a multipart form (a file) with POST (or PUT, for uploads that replace a file at its URL),
 * reporting progress as a fraction 0..1. XMLHttpRequest because fetch cannot report upload progress.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
  method: "POST" | "PUT" = "POST",
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        try {
          resolve(parseBody<T>(xhr.responseText));
        } catch (error) {
          reject(error);
        }
        return;
      }
      const error = problemFrom(xhr.status, xhr.responseText);
      if (error.status === 401) unauthorizedHandler?.();
      reject(error);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException("Upload aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
