import type { z } from "zod";
import type { FieldError } from "./errors";
import { MESSAGES, type MessageCode } from "./messages";

/** A refinement may name its own message code (a cross-field rule, say). */
const isMessageCode = (text: string): text is MessageCode => Object.hasOwn(MESSAGES, text);

/** Zod issues as field errors with stable message codes (rendered in the caller's language). */
export function fieldErrorsFromZod(
  issues: readonly z.core.$ZodIssue[],
  pathPrefix: string[] = [],
): FieldError[] {
  return issues.map((issue): FieldError => {
    const path = [...pathPrefix, ...issue.path.map(String)].join(".");
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined
          ? { path, code: "field_required" }
          : { path, code: "field_wrong_type", params: { expected: issue.expected } };
      case "too_small":
        if (issue.origin === "number")
          return { path, code: "field_too_small", params: { minimum: Number(issue.minimum) } };
        return issue.origin === "string" && Number(issue.minimum) === 1
          ? { path, code: "field_required" }
          : { path, code: "field_too_short", params: { minimum: Number(issue.minimum) } };
      case "too_big":
        if (issue.origin === "number")
          return { path, code: "field_too_large", params: { maximum: Number(issue.maximum) } };
        return { path, code: "field_too_long", params: { maximum: Number(issue.maximum) } };
      case "invalid_value":
        return { path, code: "field_unknown_value" };
      case "unrecognized_keys":
        return { path: [path, ...issue.keys].filter(Boolean).join("."), code: "field_unknown_key" };
      case "custom":
        if (issue.message === "place_code")
          return { path, code: "unknown_place", params: { code: String(issue.input ?? "") } };
        return { path, code: isMessageCode(issue.message) ? issue.message : "field_invalid" };
      default:
        return { path, code: "field_invalid" };
    }
  });
}
