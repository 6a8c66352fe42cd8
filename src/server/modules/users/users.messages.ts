/** Messages of the users module (accounts, roles, areas), in Khmer and English. */
export const USER_MESSAGES = {
  unknown_role: { en: "Unknown role {{code}}.", km: "មិនស្គាល់តួនាទី {{code}}។" },
  duplicate_username: {
    en: "The user name {{username}} is taken.",
    km: "ឈ្មោះអ្នកប្រើ {{username}} ត្រូវបានប្រើរួចហើយ។",
  },
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
} as const satisfies Record<string, { en: string; km: string }>;
