/** Messages of the auth module (sign-in, two-factor, own password), in Khmer and English. */
export const AUTH_MESSAGES = {
  invalid_credentials: { en: "Wrong user name or password.", km: "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។" },
  account_locked: {
    en: "Too many failed sign-ins. Try again after {{minutes}} minutes.",
    km: "ការចូលបរាជ័យច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្រោយ {{minutes}} នាទី។",
  },
  account_inactive: { en: "This account is switched off.", km: "គណនីនេះត្រូវបានបិទ។" },
  totp_required: {
    en: "Enter the 6-digit code from your authenticator app.",
    km: "សូមបញ្ចូលលេខកូដ ៦ ខ្ទង់ពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក។",
  },
  totp_invalid: { en: "That code is wrong or has expired.", km: "លេខកូដនោះមិនត្រឹមត្រូវ ឬផុតកំណត់ហើយ។" },
  totp_used: {
    en: "That code has been used already. Wait for the next code in your app.",
    km: "លេខកូដនោះត្រូវបានប្រើរួចហើយ។ សូមរង់ចាំលេខកូដបន្ទាប់នៅក្នុងកម្មវិធីរបស់អ្នក។",
  },
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
} as const satisfies Record<string, { en: string; km: string }>;
