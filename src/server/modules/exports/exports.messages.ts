/** Messages of the exports module (files written in the background), in Khmer and English (merged into MESSAGES). */
export const EXPORT_MESSAGES = {
  export_pdf_unavailable: {
    en: "PDF files cannot be made on this server: no Chromium browser is installed (set CHROMIUM_PATH). Choose CSV or XLSX.",
    km: "មិនអាចបង្កើតឯកសារ PDF នៅលើម៉ាស៊ីនមេនេះបានទេ៖ មិនមានកម្មវិធីរុករក Chromium ទេ (កំណត់ CHROMIUM_PATH)។ សូមជ្រើសរើស CSV ឬ XLSX។",
  },
  export_not_ready: {
    en: "This export is not ready yet. Wait until it is done, then download it.",
    km: "ការនាំចេញនេះមិនទាន់រួចរាល់នៅឡើយទេ។ សូមរង់ចាំរហូតដល់វារួចរាល់ រួចទាញយកវា។",
  },
  export_failed: {
    en: "This export could not be written. Ask for it again.",
    km: "មិនអាចសរសេរការនាំចេញនេះបានទេ។ សូមស្នើសុំវាម្តងទៀត។",
  },
} as const;
