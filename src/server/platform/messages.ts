import { DASHBOARD_MESSAGES } from "./messages-dashboards";
import { EXPORT_MESSAGES } from "./messages-exports";
import { FEEDBACK_MESSAGES } from "./messages-feedback";
import { ISAF_MESSAGES } from "./messages-isaf";
import { JAAP_MESSAGES } from "./messages-jaap";
import { SCORECARD_MESSAGES } from "./messages-scorecards";
import { SYNC_MESSAGES } from "./messages-sync";
import { UPLOAD_MESSAGES } from "./messages-uploads";

/**
 * Every message the server sends to a person, in Khmer and English, by stable code.
 * `{name}` placeholders are filled from the error's params.
 */
const CORE_MESSAGES = {
  not_found: { en: "Not found.", km: "រកមិនឃើញ។" },
  forbidden: { en: "You are not allowed to do this.", km: "អ្នកមិនមានសិទ្ធិធ្វើសកម្មភាពនេះទេ។" },
  unauthenticated: { en: "Please sign in.", km: "សូមចូលប្រើប្រព័ន្ធ។" },
  csrf_failed: {
    en: "Your session's security token is missing or wrong. Reload the page and try again.",
    km: "និមិត្តសញ្ញាសុវត្ថិភាពនៃវគ្គរបស់អ្នកបាត់ ឬមិនត្រឹមត្រូវ។ សូមផ្ទុកទំព័រឡើងវិញ ហើយព្យាយាមម្តងទៀត។",
  },
  validation_failed: { en: "Some fields are not valid.", km: "វាលមួយចំនួនមិនត្រឹមត្រូវ។" },
  malformed_json: { en: "The request body is not valid JSON.", km: "ខ្លឹមសារសំណើមិនមែនជា JSON ត្រឹមត្រូវទេ។" },
  body_too_large: { en: "The request is too large.", km: "សំណើធំពេក។" },
  unsupported_media_type: { en: "This content type is not supported.", km: "ប្រភេទខ្លឹមសារនេះមិនត្រូវបានគាំទ្រទេ។" },
  rate_limited: {
    en: "Too many attempts. Wait a moment and try again.",
    km: "ព្យាយាមច្រើនដងពេក។ សូមរង់ចាំបន្តិច ហើយព្យាយាមម្តងទៀត។",
  },
  internal_error: {
    en: "Something went wrong on the server. Nothing was saved.",
    km: "មានបញ្ហានៅលើម៉ាស៊ីនមេ។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។",
  },
  // sign-in
  invalid_credentials: { en: "Wrong user name or password.", km: "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។" },
  account_locked: {
    en: "Too many failed sign-ins. Try again after {minutes} minutes.",
    km: "ការចូលបរាជ័យច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្រោយ {minutes} នាទី។",
  },
  account_inactive: { en: "This account is switched off.", km: "គណនីនេះត្រូវបានបិទ។" },
  totp_required: {
    en: "Enter the 6-digit code from your authenticator app.",
    km: "សូមបញ្ចូលលេខកូដ ៦ ខ្ទង់ពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក។",
  },
  totp_invalid: { en: "That code is wrong or has expired.", km: "លេខកូដនោះមិនត្រឹមត្រូវ ឬផុតកំណត់ហើយ។" },
  totp_enrollment_required: {
    en: "Your role requires two-factor sign-in. Set it up to continue.",
    km: "តួនាទីរបស់អ្នកតម្រូវឱ្យមានការផ្ទៀងផ្ទាត់ពីរជំហាន។ សូមរៀបចំវាដើម្បីបន្ត។",
  },
  totp_not_started: { en: "Start two-factor setup first.", km: "សូមចាប់ផ្តើមរៀបចំការផ្ទៀងផ្ទាត់ពីរជំហានជាមុនសិន។" },
  totp_already_enabled: {
    en: "Two-factor sign-in is already on. Switch it off first to set it up again.",
    km: "ការផ្ទៀងផ្ទាត់ពីរជំហានបានបើករួចហើយ។ សូមបិទវាជាមុនសិន ដើម្បីរៀបចំម្តងទៀត។",
  },
  totp_still_required: {
    en: "Your role requires two-factor sign-in; it cannot be switched off.",
    km: "តួនាទីរបស់អ្នកតម្រូវឱ្យមានការផ្ទៀងផ្ទាត់ពីរជំហាន មិនអាចបិទបានទេ។",
  },
  wrong_password: { en: "The current password is wrong.", km: "ពាក្យសម្ងាត់បច្ចុប្បន្នមិនត្រឹមត្រូវ។" },
  // password policy
  password_too_short: { en: "Use at least {min} characters.", km: "សូមប្រើយ៉ាងហោចណាស់ {min} តួអក្សរ។" },
  password_too_long: { en: "Use at most {max} characters.", km: "សូមប្រើមិនលើសពី {max} តួអក្សរ។" },
  password_common: {
    en: "This password is too common. Choose another.",
    km: "ពាក្យសម្ងាត់នេះប្រើទូទៅពេក។ សូមជ្រើសរើសពាក្យផ្សេង។",
  },
  password_contains_username: {
    en: "The password must not contain the user name.",
    km: "ពាក្យសម្ងាត់មិនត្រូវមានឈ្មោះអ្នកប្រើទេ។",
  },
  // field validation (from zod issues)
  field_required: { en: "Required.", km: "ត្រូវតែបំពេញ។" },
  field_invalid: { en: "Not valid.", km: "មិនត្រឹមត្រូវ។" },
  field_too_short: { en: "Too short (at least {minimum}).", km: "ខ្លីពេក (យ៉ាងហោចណាស់ {minimum})។" },
  field_too_long: { en: "Too long (at most {maximum}).", km: "វែងពេក (យ៉ាងច្រើន {maximum})។" },
  field_too_small: { en: "Too small (at least {minimum}).", km: "តូចពេក (យ៉ាងហោចណាស់ {minimum})។" },
  field_too_large: { en: "Too large (at most {maximum}).", km: "ធំពេក (យ៉ាងច្រើន {maximum})។" },
  field_wrong_type: { en: "Expected {expected}.", km: "ត្រូវការ {expected}។" },
  field_unknown_value: { en: "Not one of the allowed values.", km: "មិនមែនជាតម្លៃដែលអនុញ្ញាតទេ។" },
  field_unknown_key: { en: "Unknown field.", km: "វាលមិនស្គាល់។" },
  // places and references
  unknown_place: { en: "No place has the code {code}.", km: "គ្មានទីតាំងណាមានលេខកូដ {code} ទេ។" },
  place_wrong_level: { en: "The place {code} is not a {level}.", km: "ទីតាំង {code} មិនមែនជា {level} ទេ។" },
  village_not_in_commune: {
    en: "The village {code} is not in the chosen commune.",
    km: "ភូមិ {code} មិនស្ថិតនៅក្នុងឃុំ/សង្កាត់ដែលបានជ្រើសរើសទេ។",
  },
  place_out_of_area: {
    en: "The place {code} is outside your area.",
    km: "ទីតាំង {code} ស្ថិតនៅក្រៅតំបន់របស់អ្នក។",
  },
  unknown_facility_kind: { en: "Unknown facility type {code}.", km: "មិនស្គាល់ប្រភេទមូលដ្ឋាន {code}។" },
  unknown_service_type: { en: "Unknown service type {code}.", km: "មិនស្គាល់ប្រភេទសេវា {code}។" },
  unknown_organisation: { en: "Unknown organisation.", km: "មិនស្គាល់អង្គភាព។" },
  unknown_role: { en: "Unknown role {code}.", km: "មិនស្គាល់តួនាទី {code}។" },
  duplicate_facility_code: {
    en: "Another facility already has the code {code}.",
    km: "មូលដ្ឋានមួយទៀតមានលេខកូដ {code} រួចហើយ។",
  },
  duplicate_username: {
    en: "The user name {username} is taken.",
    km: "ឈ្មោះអ្នកប្រើ {username} ត្រូវបានប្រើរួចហើយ។",
  },
  version_conflict: {
    en: "Someone else changed this record meanwhile. Reload it and apply your change again.",
    km: "មាននរណាម្នាក់បានកែប្រែកំណត់ត្រានេះក្នុងពេលជាមួយគ្នា។ សូមផ្ទុកឡើងវិញ ហើយធ្វើការកែប្រែម្តងទៀត។",
  },
  already_inactive: { en: "This is already deactivated.", km: "នេះត្រូវបានបិទរួចហើយ។" },
  already_active: { en: "This is already active.", km: "នេះកំពុងដំណើរការរួចហើយ។" },
  area_required: {
    en: "Give the user an area, or national access.",
    km: "សូមកំណត់តំបន់ឱ្យអ្នកប្រើ ឬសិទ្ធិថ្នាក់ជាតិ។",
  },
  phone_invalid: {
    en: "Write a Cambodian phone number, such as 012 345 678.",
    km: "សូមសរសេរលេខទូរស័ព្ទកម្ពុជា ដូចជា ០១២ ៣៤៥ ៦៧៨។",
  },
  facilities_need_provider: {
    en: "Only a service provider is linked to the facilities she runs.",
    km: "មានតែអ្នកផ្តល់សេវាទេ ដែលត្រូវភ្ជាប់ទៅនឹងមូលដ្ឋានដែលខ្លួនគ្រប់គ្រង។",
  },
  unknown_facility: { en: "Unknown facility.", km: "មិនស្គាល់មូលដ្ឋាននេះទេ។" },
  facility_inactive: {
    en: "This facility is closed: it cannot be given to anyone.",
    km: "មូលដ្ឋាននេះត្រូវបានបិទ៖ មិនអាចផ្តល់ឱ្យនរណាម្នាក់បានទេ។",
  },
  facility_outside_user_area: {
    en: "This facility is outside the user's area.",
    km: "មូលដ្ឋាននេះនៅក្រៅតំបន់របស់អ្នកប្រើ។",
  },
  area_outside_yours: {
    en: "You can only give areas inside your own.",
    km: "អ្នកអាចផ្តល់តែតំបន់ដែលស្ថិតក្នុងតំបន់របស់អ្នកប៉ុណ្ណោះ។",
  },
  cannot_change_own_access: {
    en: "You cannot change your own roles, area or switch yourself off.",
    km: "អ្នកមិនអាចប្តូរតួនាទី តំបន់ ឬបិទគណនីរបស់ខ្លួនឯងបានទេ។",
  },
  // imports
  import_file_missing: { en: "Choose a CSV or XLSX file.", km: "សូមជ្រើសរើសឯកសារ CSV ឬ XLSX។" },
  import_file_type: {
    en: "The file must be CSV or XLSX.",
    km: "ឯកសារត្រូវតែជា CSV ឬ XLSX។",
  },
  import_file_unreadable: { en: "The file could not be read: {reason}", km: "មិនអាចអានឯកសារបាន៖ {reason}" },
  import_empty: { en: "The file has no data rows.", km: "ឯកសារមិនមានជួរទិន្នន័យទេ។" },
  import_too_many_rows: {
    en: "The file has more than {max} rows. Split it into smaller files.",
    km: "ឯកសារមានច្រើនជាង {max} ជួរ។ សូមបំបែកជាឯកសារតូចៗ។",
  },
  import_missing_columns: {
    en: "Missing columns: {columns}.",
    km: "ខ្វះជួរឈរ៖ {columns}។",
  },
  import_has_errors: {
    en: "{count} rows have problems. Fix them, or import only the good rows.",
    km: "មាន {count} ជួរមានបញ្ហា។ សូមកែតម្រូវ ឬនាំចូលតែជួរដែលល្អ។",
  },
  import_not_pending: { en: "This import was already finished.", km: "ការនាំចូលនេះបានបញ្ចប់រួចហើយ។" },
  import_nothing_valid: { en: "No row can be imported.", km: "គ្មានជួរណាអាចនាំចូលបានទេ។" },
  duplicate_in_file: {
    en: "The code {code} appears more than once in the file.",
    km: "លេខកូដ {code} មានច្រើនជាងម្តងក្នុងឯកសារ។",
  },
  invalid_coordinates: {
    en: "Latitude and longitude must both be given, inside Cambodia.",
    km: "រយៈទទឹង និងរយៈបណ្តោយត្រូវតែមានទាំងពីរ ហើយស្ថិតនៅក្នុងប្រទេសកម្ពុជា។",
  },
} as const satisfies Record<string, { en: string; km: string }>;

/** Each ISAF module keeps its own messages beside the core ones (messages-<module>.ts). */
export const MESSAGES = {
  ...CORE_MESSAGES,
  ...ISAF_MESSAGES,
  ...SCORECARD_MESSAGES,
  ...JAAP_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...SYNC_MESSAGES,
  ...UPLOAD_MESSAGES,
  ...EXPORT_MESSAGES,
  ...FEEDBACK_MESSAGES,
};

export type MessageCode = keyof typeof MESSAGES;
export type Locale = "km" | "en";

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

/** Names of the gazetteer's levels, for messages such as "… is not a commune". */
export const LEVEL_NAMES = {
  province: { en: "province", km: "ខេត្ត/រាជធានី" },
  district: { en: "district", km: "ស្រុក/ក្រុង/ខណ្ឌ" },
  commune: { en: "commune", km: "ឃុំ/សង្កាត់" },
  village: { en: "village", km: "ភូមិ" },
} as const;

function render(value: MessageParam, locale: Locale): string {
  if (typeof value === "number") return NUMBER_FORMAT[locale].format(value);
  if (typeof value === "string") return value;
  return value[locale];
}

/** The message for a code in a language, placeholders filled. */
export function message(code: MessageCode, locale: Locale, params: MessageParams = {}): string {
  const template: string = MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? render(params[name], locale) : whole,
  );
}

/** Picks km or en from an Accept-Language header; Khmer is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return "km";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "km";
}
