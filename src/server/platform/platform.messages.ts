/** Messages of the platform (requests, sessions, field validation, passwords), in Khmer and English. */
export const PLATFORM_MESSAGES = {
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
  malformed_multipart: {
    en: "The file did not arrive whole. Send it again.",
    km: "ឯកសារមកដល់មិនពេញលេញ។ សូមផ្ញើម្តងទៀត។",
  },
  malformed_url: { en: "The address is not valid.", km: "អាសយដ្ឋាននេះមិនត្រឹមត្រូវទេ។" },
  url_too_long: { en: "A part of the address is too long.", km: "ផ្នែកមួយនៃអាសយដ្ឋានវែងពេក។" },
  unsupported_media_type: { en: "This content type is not supported.", km: "ប្រភេទខ្លឹមសារនេះមិនត្រូវបានគាំទ្រទេ។" },
  rate_limited: {
    en: "Too many attempts. Wait a moment and try again.",
    km: "ព្យាយាមច្រើនដងពេក។ សូមរង់ចាំបន្តិច ហើយព្យាយាមម្តងទៀត។",
  },
  internal_error: {
    en: "Something went wrong on the server. Nothing was saved.",
    km: "មានបញ្ហានៅលើម៉ាស៊ីនមេ។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។",
  },
  password_too_short: { en: "Use at least {{min}} characters.", km: "សូមប្រើយ៉ាងហោចណាស់ {{min}} តួអក្សរ។" },
  password_too_long: { en: "Use at most {{max}} characters.", km: "សូមប្រើមិនលើសពី {{max}} តួអក្សរ។" },
  password_common: {
    en: "This password is too common. Choose another.",
    km: "ពាក្យសម្ងាត់នេះប្រើទូទៅពេក។ សូមជ្រើសរើសពាក្យផ្សេង។",
  },
  password_contains_username: {
    en: "The password must not contain the user name.",
    km: "ពាក្យសម្ងាត់មិនត្រូវមានឈ្មោះអ្នកប្រើទេ។",
  },
  field_required: { en: "Required.", km: "ត្រូវតែបំពេញ។" },
  field_invalid: { en: "Not valid.", km: "មិនត្រឹមត្រូវ។" },
  field_too_short: { en: "Too short (at least {{minimum}}).", km: "ខ្លីពេក (យ៉ាងហោចណាស់ {{minimum}})។" },
  field_too_long: { en: "Too long (at most {{maximum}}).", km: "វែងពេក (យ៉ាងច្រើន {{maximum}})។" },
  field_too_small: { en: "Too small (at least {{minimum}}).", km: "តូចពេក (យ៉ាងហោចណាស់ {{minimum}})។" },
  field_too_large: { en: "Too large (at most {{maximum}}).", km: "ធំពេក (យ៉ាងច្រើន {{maximum}})។" },
  field_wrong_type: { en: "Expected {{expected}}.", km: "ត្រូវការ {{expected}}។" },
  field_unknown_value: { en: "Not one of the allowed values.", km: "មិនមែនជាតម្លៃដែលអនុញ្ញាតទេ។" },
  field_unknown_key: { en: "Unknown field.", km: "វាលមិនស្គាល់។" },
  field_has_nul: {
    en: "Must not contain a NUL character (U+0000).",
    km: "មិនត្រូវមានតួអក្សរ NUL (U+0000) ទេ។",
  },
  version_conflict: {
    en: "Someone else changed this record meanwhile. Reload it and apply your change again.",
    km: "មាននរណាម្នាក់បានកែប្រែកំណត់ត្រានេះក្នុងពេលជាមួយគ្នា។ សូមផ្ទុកឡើងវិញ ហើយធ្វើការកែប្រែម្តងទៀត។",
  },
} as const satisfies Record<string, { en: string; km: string }>;

/** Names of the gazetteer's levels, for messages such as "… is not a commune". */
export const LEVEL_NAMES = {
  province: { en: "province", km: "ខេត្ត/រាជធានី" },
  district: { en: "district", km: "ស្រុក/ក្រុង/ខណ្ឌ" },
  commune: { en: "commune", km: "ឃុំ/សង្កាត់" },
  village: { en: "village", km: "ភូមិ" },
} as const;
