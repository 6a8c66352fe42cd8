/** Messages of the ISAF programme, cycle, catalogue and I4C module, in Khmer and English (merged into MESSAGES). */
export const ISAF_MESSAGES = {
  media_type_not_allowed: {
    en: "This kind of file cannot be uploaded here. Allowed: {{allowed}}.",
    km: "មិនអាចផ្ទុកឯកសារប្រភេទនេះឡើងនៅទីនេះបានទេ។ ប្រភេទដែលអនុញ្ញាត៖ {{allowed}}។",
  },
  media_empty: { en: "The file is empty.", km: "ឯកសារទទេ។" },
  media_file_missing: {
    en: 'Send the audio file in the multipart field "file".',
    km: 'សូមផ្ញើឯកសារសំឡេងក្នុងវាល multipart "file"។',
  },
  // the indicator catalogue
  duplicate_of_required: {
    en: "Choose the indicator this one repeats.",
    km: "សូមជ្រើសរើសសូចនាករដែលសូចនាករនេះស្ទួននឹង។",
  },
  duplicate_of_invalid: {
    en: "An indicator can only repeat another indicator that is not itself a duplicate.",
    km: "សូចនាករមួយអាចស្ទួនតែនឹងសូចនាករផ្សេងទៀតដែលមិនមែនជាសូចនាករស្ទួនប៉ុណ្ណោះ។",
  },
  indicator_status_unchanged: {
    en: "The indicator already has this status.",
    km: "សូចនាករនេះមានស្ថានភាពនេះរួចហើយ។",
  },
  unknown_indicator: { en: "Unknown indicator.", km: "មិនស្គាល់សូចនាករ។" },
  indicator_not_offered: {
    en: "This indicator is not active (it is a duplicate, proposed or retired).",
    km: "សូចនាករនេះមិនសកម្មទេ (ជាសូចនាករស្ទួន កំពុងស្នើ ឬឈប់ប្រើ)។",
  },
  // programmes and planning
  end_year_before_start: {
    en: "The end year cannot be before the start year.",
    km: "ឆ្នាំបញ្ចប់មិនអាចមុនឆ្នាំចាប់ផ្តើមបានទេ។",
  },
  commune_removal_out_of_area: {
    en: "You cannot remove the commune {{name}} ({{code}}) from the programme: it is outside your area.",
    km: "អ្នកមិនអាចដកឃុំ/សង្កាត់ {{name}} ({{code}}) ចេញពីកម្មវិធីបានទេ ព្រោះវាស្ថិតនៅក្រៅតំបន់របស់អ្នក។",
  },
  year_outside_programme: {
    en: "The programme runs from {{start}} to {{end}}.",
    km: "កម្មវិធីនេះដំណើរការពីឆ្នាំ {{start}} ដល់ {{end}}។",
  },
  facility_not_plannable: {
    en: "This facility is not a school, health centre or commune office of the programme's target communes in your area.",
    km: "មូលដ្ឋាននេះមិនមែនជាសាលារៀន មណ្ឌលសុខភាព ឬសាលាឃុំ/សង្កាត់ នៃឃុំ/សង្កាត់គោលដៅរបស់កម្មវិធី ក្នុងតំបន់របស់អ្នកទេ។",
  },
  cycle_exists: {
    en: "This facility already has a cycle in {{year}}.",
    km: "មូលដ្ឋាននេះមានវដ្តរួចហើយក្នុងឆ្នាំ {{year}}។",
  },
  facilitator_not_eligible: {
    en: "This person is not a facilitator whose area covers the commune.",
    km: "បុគ្គលនេះមិនមែនជាអ្នកសម្របសម្រួលដែលតំបន់របស់គាត់គ្របដណ្តប់ឃុំ/សង្កាត់នេះទេ។",
  },
  // the cycle's steps
  step_out_of_order: {
    en: "The cycle is at the step “{{current}}”: complete that step first.",
    km: "វដ្តនេះស្ថិតនៅជំហាន «{{current}}»៖ សូមបញ្ចប់ជំហាននោះជាមុនសិន។",
  },
  cycle_closed: { en: "This cycle is closed.", km: "វដ្តនេះត្រូវបានបិទហើយ។" },
  step_date_in_future: {
    en: "The date cannot be in the future.",
    km: "កាលបរិច្ឆេទមិនអាចនៅពេលអនាគតបានទេ។",
  },
  step_needs_published_i4c: {
    en: "The I4C pack must be published before this step can be completed.",
    km: "ត្រូវផ្សព្វផ្សាយកញ្ចប់ព័ត៌មានសម្រាប់ពលរដ្ឋ (I4C) ជាមុនសិន ទើបអាចបញ្ចប់ជំហាននេះបាន។",
  },
  step_needs_community_scorecard: {
    en: "The community score card must be submitted before this step can be completed.",
    km: "ត្រូវដាក់ស្នើប័ណ្ណដាក់ពិន្ទុសហគមន៍ជាមុនសិន ទើបអាចបញ្ចប់ជំហាននេះបាន។",
  },
  step_needs_self_assessment: {
    en: "The provider's self-assessment must be submitted before this step can be completed.",
    km: "ត្រូវដាក់ស្នើការវាយតម្លៃខ្លួនឯងរបស់អ្នកផ្តល់សេវាជាមុនសិន ទើបអាចបញ្ចប់ជំហាននេះបាន។",
  },
  step_needs_interface_meeting: {
    en: "The interface meeting must be recorded before this step can be completed.",
    km: "ត្រូវកត់ត្រាកិច្ចប្រជុំផ្សារភ្ជាប់ជាមុនសិន ទើបអាចបញ្ចប់ជំហាននេះបាន។",
  },
  step_needs_jaap_action: {
    en: "The JAAP needs at least one action before this step can be completed.",
    km: "ផែនការសកម្មភាពរួម (JAAP) ត្រូវមានសកម្មភាពយ៉ាងហោចណាស់មួយ ទើបអាចបញ្ចប់ជំហាននេះបាន។",
  },
  // I4C
  i4c_empty: {
    en: "Add at least one item to the I4C pack before publishing it.",
    km: "សូមបន្ថែមធាតុយ៉ាងហោចណាស់មួយទៅក្នុងកញ្ចប់ I4C មុននឹងផ្សព្វផ្សាយ។",
  },
  i4c_session_exists: {
    en: "A dissemination session with this id is already recorded: it was not recorded again.",
    km: "វគ្គផ្សព្វផ្សាយដែលមានលេខសម្គាល់នេះត្រូវបានកត់ត្រារួចហើយ៖ វាមិនត្រូវបានកត់ត្រាម្តងទៀតទេ។",
  },
  i4c_photo_elsewhere: {
    en: "This photo already belongs to another dissemination session.",
    km: "រូបថតនេះជាកម្មសិទ្ធិរបស់វគ្គផ្សព្វផ្សាយមួយផ្សេងទៀតរួចហើយ។",
  },
} as const satisfies Record<string, { en: string; km: string }>;
