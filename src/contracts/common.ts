import { z } from "zod";
import { isPlaceCode } from "../domain/places";

/** A place code from the gazetteer: 2, 4, 6 or 8 digits. */
export const PlaceCode = z.string().refine(isPlaceCode, { message: "place_code" });

export const Uuid = z.uuid();

/** A name or short text: trimmed, not empty. */
export const Name = z.string().trim().min(1).max(200);

export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const Locale = z.enum(["km", "en"]);

/** RFC 9457 problem details with a stable code and field errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});

/** Page of results with a total. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const PagingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Timestamp = z.iso.datetime({ offset: true });
