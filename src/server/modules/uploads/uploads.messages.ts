/** Messages of the uploads module (resumable uploads from field devices), in Khmer and English (merged into MESSAGES). */
export const UPLOAD_MESSAGES = {
  upload_id_reused: {
    en: "This upload id is already used for another file: give the file a new id and start again.",
    km: "លេខសម្គាល់ការផ្ទុកឡើងនេះត្រូវបានប្រើសម្រាប់ឯកសារផ្សេងរួចហើយ៖ សូមផ្តល់លេខសម្គាល់ថ្មីដល់ឯកសារ ហើយចាប់ផ្តើមម្តងទៀត។",
  },
  upload_chunk_out_of_range: {
    en: "This file has {{count}} parts (numbered from 0): part {{index}} does not exist.",
    km: "ឯកសារនេះមាន {{count}} ផ្នែក (រាប់ពីលេខ ០)៖ ផ្នែកទី {{index}} មិនមានទេ។",
  },
  upload_chunk_wrong_size: {
    en: "Part {{index}} of the file must be {{expected}} bytes long; {{actual}} bytes arrived.",
    km: "ផ្នែកទី {{index}} នៃឯកសារត្រូវមានទំហំ {{expected}} បៃ ប៉ុន្តែបានទទួល {{actual}} បៃ។",
  },
  upload_chunks_missing: {
    en: "Parts {{missing}} of the file have not arrived yet: send them, then complete the upload.",
    km: "ផ្នែក {{missing}} នៃឯកសារមិនទាន់មកដល់នៅឡើយទេ៖ សូមផ្ញើវា រួចបញ្ចប់ការផ្ទុកឡើង។",
  },
  upload_hash_mismatch: {
    en: "The file that arrived does not match its checksum, so it was discarded. Send it again from the start.",
    km: "ឯកសារដែលបានមកដល់មិនត្រូវគ្នានឹងលេខផ្ទៀងផ្ទាត់របស់វាទេ ដូច្នេះវាត្រូវបានបោះបង់។ សូមផ្ញើវាម្តងទៀតតាំងពីដើម។",
  },
  upload_incomplete: {
    en: "This file has not finished uploading yet. Finish the upload first.",
    km: "ឯកសារនេះមិនទាន់ផ្ទុកឡើងរួចរាល់នៅឡើយទេ។ សូមបញ្ចប់ការផ្ទុកឡើងជាមុនសិន។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
