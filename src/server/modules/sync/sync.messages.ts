/** Messages of the sync module (the field app's command push and pull), in Khmer and English (merged into MESSAGES). */
export const SYNC_MESSAGES = {
  sync_invalid_id: {
    en: "This change has no valid id: the app must give each change a new UUIDv7.",
    km: "ការផ្លាស់ប្តូរនេះគ្មានលេខសម្គាល់ត្រឹមត្រូវទេ៖ កម្មវិធីត្រូវផ្តល់ UUIDv7 ថ្មីមួយដល់ការផ្លាស់ប្តូរនីមួយៗ។",
  },
  sync_invalid_command: {
    en: "This change is malformed and cannot be applied: {{reason}}",
    km: "ការផ្លាស់ប្តូរនេះមានទម្រង់មិនត្រឹមត្រូវ ហើយមិនអាចអនុវត្តបានទេ៖ {{reason}}",
  },
  sync_id_reused: {
    en: "This change's id was already used for a different change: it was not applied.",
    km: "លេខសម្គាល់នៃការផ្លាស់ប្តូរនេះត្រូវបានប្រើសម្រាប់ការផ្លាស់ប្តូរផ្សេងរួចហើយ៖ វាមិនត្រូវបានអនុវត្តទេ។",
  },
  sync_unknown_type: {
    en: "This version of Samleng does not know changes of type “{{type}}”: update the app.",
    km: "កំណែនៃសំឡេងនេះមិនស្គាល់ការផ្លាស់ប្តូរប្រភេទ «{{type}}» ទេ៖ សូមធ្វើបច្ចុប្បន្នភាពកម្មវិធី។",
  },
  sync_base_version_required: {
    en: "This change must say which version of the record it was made on.",
    km: "ការផ្លាស់ប្តូរនេះត្រូវបញ្ជាក់ថា វាត្រូវបានធ្វើលើកំណែណាមួយនៃកំណត់ត្រា។",
  },
  sync_invalid_cursor: {
    en: "The saved download position is not valid: the app must download everything again.",
    km: "ទីតាំងទាញយកដែលបានរក្សាទុកមិនត្រឹមត្រូវទេ៖ កម្មវិធីត្រូវទាញយកទិន្នន័យទាំងអស់ម្តងទៀត។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
