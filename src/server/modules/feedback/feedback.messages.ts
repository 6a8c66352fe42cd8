/** Messages of the feedback module (citizen feedback and complaints), in Khmer and English (merged into MESSAGES). */
export const FEEDBACK_MESSAGES = {
  feedback_refused_robot: {
    en: "This message was not sent: a field that people do not see was filled in, as programs do. If you are a person, reload the page and write your message again.",
    km: "សារនេះមិនត្រូវបានផ្ញើទេ៖ វាលមួយដែលមនុស្សមើលមិនឃើញត្រូវបានបំពេញ ដូចកម្មវិធីស្វ័យប្រវត្តិធ្វើ។ ប្រសិនបើអ្នកជាមនុស្ស សូមផ្ទុកទំព័រឡើងវិញ ហើយសរសេរសាររបស់អ្នកម្តងទៀត។",
  },
  feedback_code_unknown: {
    en: "No message has this code. Check the code: it has 10 digits, as written on your receipt.",
    km: "គ្មានសារណាមានលេខកូដនេះទេ។ សូមពិនិត្យលេខកូដ៖ វាមាន ១០ ខ្ទង់ ដូចដែលសរសេរនៅលើបង្កាន់ដៃរបស់អ្នក។",
  },
  feedback_facility_not_in_commune: {
    en: "This place is not a school, health centre or commune office of the chosen commune.",
    km: "ទីកន្លែងនេះមិនមែនជាសាលារៀន មណ្ឌលសុខភាព ឬសាលាឃុំ/សង្កាត់នៃឃុំ/សង្កាត់ដែលបានជ្រើសរើសទេ។",
  },
  feedback_facility_other_sector: {
    en: "This place does not give the chosen service.",
    km: "ទីកន្លែងនេះមិនផ្តល់សេវាដែលបានជ្រើសរើសទេ។",
  },
  feedback_places_below_commune: {
    en: "Choose a province or a district: the list stops at communes.",
    km: "សូមជ្រើសរើសខេត្ត/រាជធានី ឬស្រុក/ក្រុង/ខណ្ឌ៖ បញ្ជីបញ្ចប់ត្រឹមឃុំ/សង្កាត់។",
  },
  feedback_queue_forbidden: {
    en: "Your role cannot see this queue of messages.",
    km: "តួនាទីរបស់អ្នកមិនអាចមើលជួរសារនេះបានទេ។",
  },
  feedback_unrestrict_forbidden: {
    en: "Only child-protection staff can move a message out of the child-protection queue.",
    km: "មានតែបុគ្គលិកការពារកុមារប៉ុណ្ណោះ ដែលអាចដកសារចេញពីជួរការពារកុមារបាន។",
  },
  feedback_restriction_unchanged: {
    en: "This message is already where you want to move it. Reload it to see its queue.",
    km: "សារនេះស្ថិតនៅកន្លែងដែលអ្នកចង់ផ្លាស់ទីរួចហើយ។ សូមផ្ទុកឡើងវិញ ដើម្បីមើលជួររបស់វា។",
  },
  feedback_closed: {
    en: "This message is closed: it can no longer be answered.",
    km: "សារនេះត្រូវបានបិទហើយ៖ មិនអាចឆ្លើយតបបានទៀតទេ។",
  },
  feedback_phone_invalid: {
    en: "This is not a phone number. Write it as you would dial it, for example 012 345 678.",
    km: "នេះមិនមែនជាលេខទូរសព្ទទេ។ សូមសរសេរវាដូចដែលអ្នកចុចហៅ ឧទាហរណ៍ ០១២ ៣៤៥ ៦៧៨។",
  },
  feedback_sms_unavailable: {
    en: "Answers by SMS are not available yet. Leave the number out and keep your code to read the answer.",
    km: "ការឆ្លើយតបតាមសារ SMS មិនទាន់មានទេ។ សូមកុំដាក់លេខទូរសព្ទ ហើយរក្សាលេខកូដរបស់អ្នក ដើម្បីអានចម្លើយ។",
  },
  feedback_export_reason_required: {
    en: "Say why you need the phone numbers: the reason is kept in the audit log.",
    km: "សូមប្រាប់ហេតុផលដែលអ្នកត្រូវការលេខទូរស័ព្ទ៖ ហេតុផលនេះត្រូវបានរក្សាទុកក្នុងកំណត់ត្រាសវនកម្ម។",
  },
  feedback_export_dates_reversed: {
    en: "The end date is before the start date.",
    km: "ថ្ងៃបញ្ចប់នៅមុនថ្ងៃចាប់ផ្តើម។",
  },
  feedback_export_phones_forbidden: {
    en: "Your role cannot export senders' phone numbers. Export without them.",
    km: "តួនាទីរបស់អ្នកមិនអាចនាំចេញលេខទូរស័ព្ទរបស់អ្នកផ្ញើបានទេ។ សូមនាំចេញដោយគ្មានលេខទាំងនោះ។",
  },
  feedback_export_too_large: {
    en: "More than {{max}} messages match. Choose a shorter period or a status.",
    km: "មានសារច្រើនជាង {{max}} ដែលត្រូវនឹងលក្ខខណ្ឌ។ សូមជ្រើសរើសរយៈពេលខ្លីជាងនេះ ឬស្ថានភាពមួយ។",
  },
  feedback_message_exists: {
    en: "Another message already has this id. Write the message down again.",
    km: "សារផ្សេងមានលេខសម្គាល់នេះរួចហើយ។ សូមកត់ត្រាសារនេះម្តងទៀត។",
  },
  feedback_code_invalid: {
    en: "This tracking code is not valid: its check digit is wrong.",
    km: "លេខកូដតាមដាននេះមិនត្រឹមត្រូវទេ៖ ខ្ទង់ផ្ទៀងផ្ទាត់របស់វាខុស។",
  },
  feedback_write_forbidden: {
    en: "Only facilitators, NGO staff and the commune council write down citizens' messages, for communes of their area.",
    km: "មានតែអ្នកសម្របសម្រួល បុគ្គលិកអង្គការ និងក្រុមប្រឹក្សាឃុំ/សង្កាត់ទេ ដែលអាចកត់ត្រាសាររបស់ពលរដ្ឋ សម្រាប់ឃុំ/សង្កាត់ក្នុងតំបន់របស់ខ្លួន។",
  },
  feedback_not_yours: {
    en: "You can only give back a message that you took.",
    km: "អ្នកអាចប្រគល់វិញបានតែសារដែលអ្នកបានទទួលយកប៉ុណ្ណោះ។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
