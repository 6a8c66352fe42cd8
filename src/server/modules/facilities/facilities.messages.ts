/** Messages of the facilities module (the register and its spreadsheet import), in Khmer and English. */
export const FACILITY_MESSAGES = {
  unknown_facility_kind: { en: "Unknown facility type {{code}}.", km: "មិនស្គាល់ប្រភេទមូលដ្ឋាន {{code}}។" },
  unknown_service_type: { en: "Unknown service type {{code}}.", km: "មិនស្គាល់ប្រភេទសេវា {{code}}។" },
  duplicate_facility_code: {
    en: "Another facility already has the code {{code}}.",
    km: "មូលដ្ឋានមួយទៀតមានលេខកូដ {{code}} រួចហើយ។",
  },
  already_inactive: { en: "This is already deactivated.", km: "នេះត្រូវបានបិទរួចហើយ។" },
  already_active: { en: "This is already active.", km: "នេះកំពុងដំណើរការរួចហើយ។" },
  import_file_missing: { en: "Choose a CSV or XLSX file.", km: "សូមជ្រើសរើសឯកសារ CSV ឬ XLSX។" },
  import_file_type: {
    en: "The file must be CSV or XLSX.",
    km: "ឯកសារត្រូវតែជា CSV ឬ XLSX។",
  },
  import_file_unreadable: {
    en: "The file could not be read: {{reason}}",
    km: "មិនអាចអានឯកសារបាន៖ {{reason}}",
  },
  import_empty: { en: "The file has no data rows.", km: "ឯកសារមិនមានជួរទិន្នន័យទេ។" },
  import_too_many_rows: {
    en: "The file has more than {{max}} rows. Split it into smaller files.",
    km: "ឯកសារមានច្រើនជាង {{max}} ជួរ។ សូមបំបែកជាឯកសារតូចៗ។",
  },
  import_missing_columns: {
    en: "Missing columns: {{columns}}.",
    km: "ខ្វះជួរឈរ៖ {{columns}}។",
  },
  import_has_errors: {
    en: "{{count}} rows have problems. Fix them, or import only the good rows.",
    km: "មាន {{count}} ជួរមានបញ្ហា។ សូមកែតម្រូវ ឬនាំចូលតែជួរដែលល្អ។",
  },
  import_not_pending: { en: "This import was already finished.", km: "ការនាំចូលនេះបានបញ្ចប់រួចហើយ។" },
  import_nothing_valid: { en: "No row can be imported.", km: "គ្មានជួរណាអាចនាំចូលបានទេ។" },
  duplicate_in_file: {
    en: "The code {{code}} appears more than once in the file.",
    km: "លេខកូដ {{code}} មានច្រើនជាងម្តងក្នុងឯកសារ។",
  },
  invalid_coordinates: {
    en: "Latitude and longitude must both be given, inside Cambodia.",
    km: "រយៈទទឹង និងរយៈបណ្តោយត្រូវតែមានទាំងពីរ ហើយស្ថិតនៅក្នុងប្រទេសកម្ពុជា។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
