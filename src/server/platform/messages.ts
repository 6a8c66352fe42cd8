import i18next from "i18next";
import { AUTH_MESSAGES } from "../modules/auth/auth.messages";
import { DASHBOARD_MESSAGES } from "../modules/dashboards/dashboards.messages";
import { EXPORT_MESSAGES } from "../modules/exports/exports.messages";
import { FACILITY_MESSAGES } from "../modules/facilities/facilities.messages";
import { FEEDBACK_MESSAGES } from "../modules/feedback/feedback.messages";
import { ISAF_MESSAGES } from "../modules/isaf/isaf.messages";
import { JAAP_MESSAGES } from "../modules/jaap/jaap.messages";
import { ORGANISATION_MESSAGES } from "../modules/organisations/organisations.messages";
import { PLACE_MESSAGES } from "../modules/places/places.messages";
import { SCORECARD_MESSAGES } from "../modules/scorecards/scorecards.messages";
import { SMS_MESSAGES } from "../modules/sms/sms.messages";
import { SYNC_MESSAGES } from "../modules/sync/sync.messages";
import { UPLOAD_MESSAGES } from "../modules/uploads/uploads.messages";
import { USER_MESSAGES } from "../modules/users/users.messages";
import { PLATFORM_MESSAGES } from "./platform.messages";

/**
 * Every message the server sends to a person, in Khmer and English, by stable code. Each module owns
 * its catalogue (`modules/<name>/<name>.messages.ts`, data only) and is listed here once; see
 * docs/mechanisms/messages.md. `{{name}}` placeholders are filled from the error's params.
 */
export const MESSAGES = {
  ...PLATFORM_MESSAGES,
  ...AUTH_MESSAGES,
  ...PLACE_MESSAGES,
  ...FACILITY_MESSAGES,
  ...USER_MESSAGES,
  ...ORGANISATION_MESSAGES,
  ...ISAF_MESSAGES,
  ...SCORECARD_MESSAGES,
  ...JAAP_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...EXPORT_MESSAGES,
  ...SYNC_MESSAGES,
  ...UPLOAD_MESSAGES,
  ...FEEDBACK_MESSAGES,
  ...SMS_MESSAGES,
};

export type MessageCode = keyof typeof MESSAGES;
export const LOCALES = ["km", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The catalogue as i18next resources: one `translation` namespace per language, keyed by code. */
function resources() {
  const byLocale = (locale: Locale) =>
    Object.fromEntries(Object.entries(MESSAGES).map(([code, text]) => [code, text[locale]]));
  return { km: { translation: byLocale("km") }, en: { translation: byLocale("en") } };
}

/**
 * The server's own i18next instance (the web app has its own), configured as the web's: `{{name}}`
 * placeholders, no HTML escaping. Codes contain neither dots nor colons, so keys are not split.
 * Resources are in memory, so initialisation finishes before `init` returns.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: resources(),
  lng: "km",
  fallbackLng: "km",
  supportedLngs: [...LOCALES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * A value put into a message: a string as it is (codes, names), a number in the language's digits,
 * or a word given in both languages.
 */
export type MessageParam = string | number | { km: string; en: string };
export type MessageParams = Record<string, MessageParam>;

const NUMBER_FORMAT: Record<Locale, Intl.NumberFormat> = {
  km: new Intl.NumberFormat("km-KH-u-nu-khmr"),
  en: new Intl.NumberFormat("en-GB"),
};

function render(value: MessageParam, locale: Locale): string {
  if (typeof value === "number") return NUMBER_FORMAT[locale].format(value);
  if (typeof value === "string") return value;
  return value[locale];
}

/**
 * The message for a code in a language, placeholders filled. Params go in i18next's `replace`, so
 * that a param called `count` or `context` is text to show, not an i18next option.
 */
export function message(code: MessageCode, locale: Locale, params: MessageParams = {}): string {
  const replace = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, render(value, locale)]),
  );
  return i18n.t(code, { lng: locale, replace });
}

/** Picks km or en from an Accept-Language header; Khmer is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return "km";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "km";
}
