import type { TFunction } from "i18next";
import type { PlaceSummary } from "../../../contracts/places";
import type { ApiError } from "../../api/client";
import type { Facility, FacilityInput } from "./facilities.api";

/** What the facility form holds while a person edits it (inputs keep text; numbers are parsed on save). */
export interface FormValues {
  kindCode: string | null;
  code: string;
  nameKm: string;
  nameEn: string;
  communeCode: string | null;
  villageCode: string | null;
  lat: string | number;
  lng: string | number;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  serviceTypeCodes: string[];
  /** Places (not just codes), so that the list can show their names. */
  catchment: PlaceSummary[];
}

export type FieldName = keyof FormValues;
export type FormErrors = Partial<Record<FieldName, string>>;

export const EMPTY_VALUES: FormValues = {
  kindCode: null,
  code: "",
  nameKm: "",
  nameEn: "",
  communeCode: null,
  villageCode: null,
  lat: "",
  lng: "",
  contactName: "",
  phone: "",
  email: "",
  address: "",
  serviceTypeCodes: [],
  catchment: [],
};

export function valuesOf(facility: Facility): FormValues {
  return {
    kindCode: facility.kind.code,
    code: facility.code,
    nameKm: facility.nameKm,
    nameEn: facility.nameEn,
    communeCode: facility.communeCode,
    villageCode: facility.villageCode,
    lat: facility.lat ?? "",
    lng: facility.lng ?? "",
    contactName: facility.contactName ?? "",
    phone: facility.phone ?? "",
    email: facility.email ?? "",
    address: facility.address ?? "",
    serviceTypeCodes: facility.services.map((service) => service.code),
    catchment: facility.catchment,
  };
}

function numberOrNull(value: string | number): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const trimmed = value.trim().replace(",", ".");
  if (trimmed === "") return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The body of POST/PUT /api/v1/facilities. Call after validate() found nothing. */
export function toInput(values: FormValues): FacilityInput {
  return {
    code: values.code.trim(),
    kindCode: values.kindCode ?? "",
    nameKm: values.nameKm.trim(),
    nameEn: values.nameEn.trim(),
    communeCode: values.communeCode ?? "",
    villageCode: values.villageCode,
    lat: numberOrNull(values.lat),
    lng: numberOrNull(values.lng),
    contactName: blankToNull(values.contactName),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    address: blankToNull(values.address),
    serviceTypeCodes: values.serviceTypeCodes,
    catchmentCodes: values.catchment.map((place) => place.code),
  };
}

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Cambodia's extent, as the server checks it (contracts/facilities.ts). */
export const LAT_RANGE = [10, 15] as const;
export const LNG_RANGE = [102, 108] as const;

/** The checks the server would make anyway, done first so that a person on a slow line hears at once. */
export function validate(values: FormValues, t: TFunction): FormErrors {
  const errors: FormErrors = {};
  const required = t("facilities:form.required");
  if (!values.kindCode) errors.kindCode = required;
  if (!values.code.trim()) errors.code = required;
  else if (!CODE_PATTERN.test(values.code.trim()) || values.code.trim().length > 40)
    errors.code = t("facilities:form.codeFormat");
  if (!values.nameKm.trim()) errors.nameKm = required;
  if (!values.nameEn.trim()) errors.nameEn = required;
  if (!values.communeCode) errors.communeCode = required;
  const latText = String(values.lat).trim();
  const lngText = String(values.lng).trim();
  const lat = numberOrNull(values.lat);
  const lng = numberOrNull(values.lng);
  if (latText !== "" && (lat === null || lat < LAT_RANGE[0] || lat > LAT_RANGE[1]))
    errors.lat = t("facilities:form.latRange");
  if (lngText !== "" && (lng === null || lng < LNG_RANGE[0] || lng > LNG_RANGE[1]))
    errors.lng = t("facilities:form.lngRange");
  if (latText === "" && lngText !== "") errors.lat = t("facilities:form.gpsPair");
  if (lngText === "" && latText !== "") errors.lng = t("facilities:form.gpsPair");
  if (values.email.trim() && !EMAIL_PATTERN.test(values.email.trim()))
    errors.email = t("facilities:form.emailFormat");
  return errors;
}

/** The API's field paths ("nameKm", "serviceTypeCodes.2", "catchmentCodes.0") as form fields. */
const FIELD_OF_PATH: Record<string, FieldName> = {
  code: "code",
  kindCode: "kindCode",
  nameKm: "nameKm",
  nameEn: "nameEn",
  communeCode: "communeCode",
  villageCode: "villageCode",
  lat: "lat",
  lng: "lng",
  contactName: "contactName",
  phone: "phone",
  email: "email",
  address: "address",
  serviceTypeCodes: "serviceTypeCodes",
  catchmentCodes: "catchment",
};

/**
 * The server's field errors by form field; several messages for one field are joined. Errors on
 * paths the form does not know are returned apart, to be shown above the buttons.
 */
export function serverErrors(error: ApiError): { fields: FormErrors; other: string[] } {
  const fields: FormErrors = {};
  const other: string[] = [];
  for (const problem of error.errors) {
    const field = FIELD_OF_PATH[problem.path.split(".")[0]];
    if (!field) {
      other.push(problem.message);
      continue;
    }
    const before = fields[field];
    if (!before) fields[field] = problem.message;
    else if (!before.includes(problem.message)) fields[field] = `${before} ${problem.message}`;
  }
  return { fields, other };
}

/** True when the values differ from those the form started with. */
export function isDirty(values: FormValues, initial: FormValues): boolean {
  const comparable = (v: FormValues) => ({ ...toInput(v), lat: String(v.lat), lng: String(v.lng) });
  return JSON.stringify(comparable(values)) !== JSON.stringify(comparable(initial));
}
