/** Messages of the places module (gazetteer codes and levels), in Khmer and English. */
export const PLACE_MESSAGES = {
  unknown_place: { en: "No place has the code {{code}}.", km: "គ្មានទីតាំងណាមានលេខកូដ {{code}} ទេ។" },
  place_wrong_level: {
    en: "The place {{code}} is not a {{level}}.",
    km: "ទីតាំង {{code}} មិនមែនជា {{level}} ទេ។",
  },
  village_not_in_commune: {
    en: "The village {{code}} is not in the chosen commune.",
    km: "ភូមិ {{code}} មិនស្ថិតនៅក្នុងឃុំ/សង្កាត់ដែលបានជ្រើសរើសទេ។",
  },
  place_out_of_area: {
    en: "The place {{code}} is outside your area.",
    km: "ទីតាំង {{code}} ស្ថិតនៅក្រៅតំបន់របស់អ្នក។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
