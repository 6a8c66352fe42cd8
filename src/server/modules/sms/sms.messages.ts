/**
 * What Samleng texts back, in Khmer and English. Every Khmer letter makes an SMS UCS-2 (70 characters
 * a segment), so replies stay short: sms.replies.test.ts holds each under two segments (docs/sms.md).
 * Codes, counts and dates come in as text in Latin digits, as a keypad types them back.
 */
export const SMS_MESSAGES = {
  sms_received: {
    en: "Thank you. Your code is {{code}}. Answer due by {{due}}. Text the code to check.",
    km: "អរគុណ។ លេខកូដ {{code}}។ ចម្លើយមុន {{due}}។ ផ្ញើលេខកូដដើម្បីតាមដាន។",
  },
  sms_answer: { en: "Answer {{code}}: {{answer}}", km: "ចម្លើយ {{code}}៖ {{answer}}" },
  sms_answer_more: { en: "… (read the rest on the web)", km: "… (អានបន្តលើគេហទំព័រ)" },
  sms_status_escalated: {
    en: "{{code}}: late, sent to the office above.",
    km: "{{code}}៖ ហួសពេល បានបញ្ជូនទៅថ្នាក់លើ។",
  },
  sms_status_closed: { en: "{{code}}: closed.", km: "{{code}}៖ បានបិទ។" },
  sms_status_received: {
    en: "{{code}}: received. Answer due by {{due}}.",
    km: "{{code}}៖ បានទទួល។ ចម្លើយមុន {{due}}។",
  },
  sms_code_unknown: {
    en: "No message has this code. Check its 10 digits.",
    km: "គ្មានសារមានលេខកូដនេះទេ។ ពិនិត្យលេខ ១០ខ្ទង់។",
  },
  sms_target_unknown: {
    en: "No commune or facility has code {{target}}. Check it and send again.",
    km: "គ្មានឃុំ ឬសាលាមានលេខកូដ {{target}} ទេ។ ពិនិត្យហើយផ្ញើម្តងទៀត។",
  },
  sms_help: {
    en: "Write the commune or facility code, a space, then your message. Example: 150101 toilets locked",
    km: "សរសេរលេខកូដឃុំ ឬសាលា ដកឃ្លា រួចសារ។ ឧ. 150101 បង្គន់ចាក់សោ",
  },
  sms_stopped: {
    en: "You will get no more SMS from us. Write again any time.",
    km: "អ្នកនឹងលែងទទួលសារពីយើង។ សរសេរមកវិញពេលណាក៏បាន។",
  },
  sms_answer_ready: {
    en: "An answer to {{code}} is ready. Text the code or read it on the web.",
    km: "មានចម្លើយសម្រាប់ {{code}}។ ផ្ញើលេខកូដ ឬមើលលើគេហទំព័រ។",
  },
  sms_reminder: {
    en: "Samleng: {{count}} message(s) wait for your answer by {{due}}: {{codes}}",
    km: "សំឡេង៖ សារ {{count}} រង់ចាំចម្លើយរបស់អ្នកមុន {{due}}៖ {{codes}}",
  },
  sms_escalated: {
    en: "{{code}}: not answered in time, sent to the office above.",
    km: "{{code}}៖ មិនទាន់មានចម្លើយ បានបញ្ជូនទៅថ្នាក់លើ។",
  },
  // The SMS channels and their webhook (sms.channels.ts, sms.inbound.ts).
  sms_channel_unauthorised: {
    en: "This SMS channel does not exist, is switched off, or the secret is wrong.",
    km: "ប៉ុស្តិ៍ SMS នេះមិនមាន ត្រូវបានបិទ ឬលេខសម្ងាត់មិនត្រឹមត្រូវ។",
  },
  sms_sender_invalid: {
    en: "The sender is not a phone number.",
    km: "អ្នកផ្ញើមិនមែនជាលេខទូរសព្ទទេ។",
  },
  sms_channel_exists: {
    en: "An SMS channel with this id exists already.",
    km: "មានប៉ុស្តិ៍ SMS ដែលមានលេខសម្គាល់នេះរួចហើយ។",
  },
  sms_channel_invalid: {
    en: "These channel settings cannot be used: check the id, the name, the sender and the send URL.",
    km: "មិនអាចប្រើការកំណត់ប៉ុស្តិ៍នេះបានទេ៖ សូមពិនិត្យលេខសម្គាល់ ឈ្មោះ អ្នកផ្ញើ និង URL ផ្ញើ។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
