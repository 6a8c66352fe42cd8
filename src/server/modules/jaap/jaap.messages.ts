/** Messages of the jaap module, in Khmer and English (merged into MESSAGES). */
export const JAAP_MESSAGES = {
  jaap_action_without_owner: {
    en: "An action needs an owner: name the person or office responsible for it.",
    km: "សកម្មភាពនីមួយៗត្រូវមានអ្នកទទួលខុសត្រូវ៖ សូមបញ្ចូលឈ្មោះបុគ្គល ឬស្ថាប័នដែលទទួលខុសត្រូវ។",
  },
  jaap_owner_required: {
    en: "Name who is responsible for this action.",
    km: "សូមបញ្ចូលឈ្មោះអ្នកទទួលខុសត្រូវលើសកម្មភាពនេះ។",
  },
  jaap_indicator_unknown: { en: "This indicator does not exist.", km: "លក្ខណៈវិនិច្ឆ័យនេះមិនមានទេ។" },
  jaap_indicator_other_sector: {
    en: "The indicator {{code}} belongs to another sector: choose an indicator of this facility's sector.",
    km: "លក្ខណៈវិនិច្ឆ័យ {{code}} ជារបស់វិស័យផ្សេង៖ សូមជ្រើសរើសលក្ខណៈវិនិច្ឆ័យនៃវិស័យរបស់មូលដ្ឋាននេះ។",
  },
  jaap_responsible_user_outside: {
    en: "This person's area does not cover the facility's commune.",
    km: "តំបន់របស់បុគ្គលនេះមិនគ្របដណ្តប់ឃុំ/សង្កាត់របស់មូលដ្ឋាននេះទេ។",
  },
  jaap_action_closed: {
    en: "This action is “{{status}}”: it can no longer be changed.",
    km: "សកម្មភាពនេះមានស្ថានភាព «{{status}}» ហើយ មិនអាចកែប្រែបានទៀតទេ។",
  },
  jaap_status_not_allowed: {
    en: "An action cannot go from “{{from}}” to “{{to}}”.",
    km: "សកម្មភាពមិនអាចប្តូរពី «{{from}}» ទៅ «{{to}}» បានទេ។",
  },
  jaap_drop_reason_required: {
    en: "Say why the action is dropped.",
    km: "សូមបញ្ជាក់មូលហេតុដែលបោះបង់សកម្មភាពនេះ។",
  },
  jaap_photo_unknown: {
    en: "This photo was not uploaded by you, or another update already shows it.",
    km: "រូបថតនេះមិនមែនផ្ទុកឡើងដោយអ្នក ឬរបាយការណ៍វឌ្ឍនភាពផ្សេងបានប្រើវារួចហើយ។",
  },
  jaap_photo_missing: { en: "Choose a photo to upload.", km: "សូមជ្រើសរើសរូបថតដើម្បីផ្ទុកឡើង។" },
  committee_quota_unmet: {
    en: "The committee cannot be marked formed while a quota rule fails: {{rules}}.",
    km: "មិនអាចកំណត់ថាគណៈកម្មការបានបង្កើតរួចទេ ខណៈដែលលក្ខខណ្ឌកូតាមិនទាន់បំពេញ៖ {{rules}}។",
  },
  committee_override_reason_required: {
    en: "To mark the committee formed anyway, give a written reason of at least {{minimum}} characters.",
    km: "ដើម្បីកំណត់ថាគណៈកម្មការបានបង្កើតដដែល សូមសរសេរមូលហេតុយ៉ាងហោចណាស់ {{minimum}} តួអក្សរ។",
  },
  committee_formed: {
    en: "The committee is marked formed. Un-form it first to change its members.",
    km: "គណៈកម្មការត្រូវបានកំណត់ថាបានបង្កើតរួចហើយ។ សូមលុបការកំណត់នោះជាមុនសិន ដើម្បីកែប្រែសមាជិក។",
  },
  committee_already_formed: {
    en: "The committee is already marked formed.",
    km: "គណៈកម្មការត្រូវបានកំណត់ថាបានបង្កើតរួចហើយ។",
  },
  committee_not_formed: {
    en: "The committee is not marked formed.",
    km: "គណៈកម្មការមិនទាន់ត្រូវបានកំណត់ថាបានបង្កើតនៅឡើយទេ។",
  },
  // A failing quota rule, as named in committee_quota_unmet's {{rules}}.
  committee_quota_women_share: {
    en: "at least {{required}} % women (now {{actual}} %)",
    km: "ស្ត្រីយ៉ាងហោចណាស់ {{required}}% (បច្ចុប្បន្ន {{actual}}%)",
  },
  committee_quota_youth: {
    en: "at least {{required}} youth aged 15–30 (now {{actual}})",
    km: "យុវជនអាយុ ១៥–៣០ ឆ្នាំ យ៉ាងហោចណាស់ {{required}} នាក់ (បច្ចុប្បន្ន {{actual}} នាក់)",
  },
  committee_quota_ethnic_minority: {
    en: "at least {{required}} ethnic-minority member (now {{actual}})",
    km: "សមាជិកជនជាតិភាគតិចយ៉ាងហោចណាស់ {{required}} នាក់ (បច្ចុប្បន្ន {{actual}} នាក់)",
  },
} as const satisfies Record<string, { en: string; km: string }>;

/** The names of an action's statuses, for messages. */
export const ACTION_STATUS_NAMES = {
  planned: { en: "planned", km: "គ្រោងទុក" },
  in_progress: { en: "in progress", km: "កំពុងអនុវត្ត" },
  done: { en: "done", km: "បានបញ្ចប់" },
  dropped: { en: "dropped", km: "បានបោះបង់" },
} as const;
