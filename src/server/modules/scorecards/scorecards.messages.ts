/** Messages of the scorecards module, in Khmer and English (merged into MESSAGES). */
export const SCORECARD_MESSAGES = {
  participant_number_taken: {
    en: "Someone else added participants to this card meanwhile: participant {{number}} is already someone else. Check the participants before scoring.",
    km: "មានអ្នកផ្សេងបានបន្ថែមអ្នកចូលរួមក្នុងប័ណ្ណនេះក្នុងពេលជាមួយគ្នា៖ អ្នកចូលរួមលេខ {{number}} ជាមនុស្សផ្សេងរួចហើយ។ សូមពិនិត្យអ្នកចូលរួមមុននឹងដាក់ពិន្ទុ។",
  },
  scorecard_exists: {
    en: "This cycle already has this score card. Open it instead.",
    km: "វដ្តនេះមានប័ណ្ណដាក់ពិន្ទុនេះរួចហើយ។ សូមបើកវាជំនួសវិញ។",
  },
  scorecard_locked: {
    en: "This score card is submitted or approved and locked. To correct it, ask for a change.",
    km: "ប័ណ្ណដាក់ពិន្ទុនេះត្រូវបានដាក់ស្នើ ឬអនុម័ត ហើយត្រូវបានចាក់សោ។ ដើម្បីកែតម្រូវ សូមស្នើសុំការកែប្រែ។",
  },
  self_scorecard_locked: {
    en: "The self-assessment that scores these priorities is submitted or approved; the priorities cannot change now.",
    km: "ការវាយតម្លៃខ្លួនឯងដែលដាក់ពិន្ទុលើអាទិភាពទាំងនេះ ត្រូវបានដាក់ស្នើ ឬអនុម័តហើយ ដូច្នេះមិនអាចប្តូរអាទិភាពបានទេ។",
  },
  community_priorities_missing: {
    en: "The community score card must exist and have its priorities chosen before the self-assessment.",
    km: "ត្រូវមានប័ណ្ណដាក់ពិន្ទុសហគមន៍ និងជ្រើសរើសអាទិភាពរបស់វាជាមុនសិន មុនការវាយតម្លៃខ្លួនឯង។",
  },
  self_priorities_fixed: {
    en: "The self-assessment scores the community's priorities; they cannot be changed on it.",
    km: "ការវាយតម្លៃខ្លួនឯងដាក់ពិន្ទុលើអាទិភាពរបស់សហគមន៍ ដូច្នេះមិនអាចប្តូរវានៅទីនេះបានទេ។",
  },
  issues_not_for_self: {
    en: "Issues are raised in the community meeting, not in the self-assessment.",
    km: "បញ្ហាត្រូវបានលើកឡើងក្នុងកិច្ចប្រជុំសហគមន៍ មិនមែនក្នុងការវាយតម្លៃខ្លួនឯងទេ។",
  },
  scorecard_mode_mismatch: {
    en: "This score card is kept in {{mode}} mode; this entry belongs to the other mode.",
    km: "ប័ណ្ណដាក់ពិន្ទុនេះប្រើរបៀប{{mode}} ចំណែកការបញ្ចូលនេះជារបស់របៀបផ្សេង។",
  },
  mode_locked: {
    en: "The mode can change only while the card has no participants, issues or scores.",
    km: "អាចប្តូររបៀបបាន លុះត្រាតែប័ណ្ណមិនទាន់មានអ្នកចូលរួម បញ្ហា ឬពិន្ទុ។",
  },
  participant_unknown: {
    en: "There is no participant number {{number}} on this card.",
    km: "គ្មានអ្នកចូលរួមលេខ {{number}} នៅលើប័ណ្ណនេះទេ។",
  },
  indicator_not_prioritised: {
    en: "This indicator is not among the card's priorities; only prioritised indicators are scored.",
    km: "សូចនាករនេះមិនស្ថិតក្នុងអាទិភាពរបស់ប័ណ្ណទេ។ មានតែសូចនាករអាទិភាពប៉ុណ្ណោះដែលត្រូវដាក់ពិន្ទុ។",
  },
  indicator_not_in_catalogue: {
    en: "This indicator is not in the catalogue of this sector.",
    km: "សូចនាករនេះមិនមាននៅក្នុងបញ្ជីសូចនាកររបស់វិស័យនេះទេ។",
  },
  indicator_not_raised: {
    en: "Only issues raised in the meeting can be prioritised.",
    km: "មានតែបញ្ហាដែលបានលើកឡើងក្នុងកិច្ចប្រជុំប៉ុណ្ណោះ ដែលអាចកំណត់ជាអាទិភាពបាន។",
  },
  indicator_repeated: { en: "The same indicator appears twice.", km: "សូចនាករដដែលលេចឡើងពីរដង។" },
  score_already_given: {
    en: "Participant {{number}} has already scored this indicator. Correct their scores instead.",
    km: "អ្នកចូលរួមលេខ {{number}} បានដាក់ពិន្ទុលើសូចនាករនេះរួចហើយ។ សូមកែពិន្ទុរបស់គាត់ជំនួសវិញ។",
  },
  priorities_have_scores: {
    en: "Scores have already been given to {{codes}}. Confirm that they may be deleted.",
    km: "ពិន្ទុត្រូវបានផ្តល់ឱ្យ {{codes}} រួចហើយ។ សូមបញ្ជាក់ថាអាចលុបពិន្ទុទាំងនោះបាន។",
  },
  issue_already_raised: {
    en: "This issue has already been recorded for this person.",
    km: "បញ្ហានេះត្រូវបានកត់ត្រាសម្រាប់អ្នកនេះរួចហើយ។",
  },
  issue_id_taken: {
    en: "An issue with this id is already recorded, so this one was not recorded again. Check the card's issues.",
    km: "បញ្ហាដែលមានលេខសម្គាល់នេះត្រូវបានកត់ត្រារួចហើយ ដូច្នេះបញ្ហានេះមិនត្រូវបានកត់ត្រាម្តងទៀតទេ។ សូមពិនិត្យបញ្ហានៅលើប័ណ្ណ។",
  },
  issue_id_one_raiser: {
    en: "An issue that carries its own id is raised by one participant: record it once for each participant.",
    km: "បញ្ហាដែលមានលេខសម្គាល់ផ្ទាល់ខ្លួន ត្រូវលើកឡើងដោយអ្នកចូលរួមតែម្នាក់៖ សូមកត់ត្រាវាម្តងសម្រាប់អ្នកចូលរួមម្នាក់ៗ។",
  },
  issue_is_prioritised: {
    en: "This issue is among the priorities; take it off the priorities first.",
    km: "បញ្ហានេះស្ថិតក្នុងចំណោមអាទិភាព។ សូមដកវាចេញពីអាទិភាពជាមុនសិន។",
  },
  raised_by_required: {
    en: "Choose who raised the issue.",
    km: "សូមជ្រើសរើសអ្នកដែលបានលើកឡើងបញ្ហានេះ។",
  },
  indicator_or_words_required: {
    en: "Choose an indicator from the list or write the issue in the participants' own words.",
    km: "សូមជ្រើសរើសសូចនាករពីបញ្ជី ឬសរសេរបញ្ហាតាមពាក្យសម្តីរបស់អ្នកចូលរួម។",
  },
  tally_profile_exceeds_count: {
    en: "More people with this profile than people counted ({{count}}).",
    km: "ចំនួនអ្នកមានលក្ខណៈនេះ ច្រើនជាងចំនួនអ្នកដែលបានរាប់ ({{count}})។",
  },
  tally_row_repeated: {
    en: "The same sex and age band appear twice.",
    km: "ភេទ និងក្រុមអាយុដដែលលេចឡើងពីរដង។",
  },
  score_tally_exceeds_participants: {
    en: "{{total}} scores counted for this indicator, but only {{participants}} participants were counted. Check the counts, or count the participants first.",
    km: "បានរាប់ពិន្ទុ {{total}} សម្រាប់សូចនាករនេះ ប៉ុន្តែបានរាប់អ្នកចូលរួមតែ {{participants}} នាក់ប៉ុណ្ណោះ។ សូមពិនិត្យចំនួនឡើងវិញ ឬរាប់អ្នកចូលរួមជាមុនសិន។",
  },
  indicator_scores_exceed_participants: {
    en: "{{code}} has {{total}} scores, more than the {{participants}} participants counted.",
    km: "{{code}} មានពិន្ទុ {{total}} ច្រើនជាងចំនួនអ្នកចូលរួម {{participants}} នាក់ដែលបានរាប់។",
  },
  priorities_missing: {
    en: "Choose at least one indicator to score.",
    km: "សូមជ្រើសរើសសូចនាករយ៉ាងហោចណាស់មួយ ដើម្បីដាក់ពិន្ទុ។",
  },
  indicator_not_scored: {
    en: "No one has scored {{code}} yet.",
    km: "មិនទាន់មាននរណាម្នាក់ដាក់ពិន្ទុលើ {{code}} នៅឡើយទេ។",
  },
  held_on_missing: { en: "Enter the date of the meeting.", km: "សូមបញ្ចូលកាលបរិច្ឆេទនៃកិច្ចប្រជុំ។" },
  held_on_future: {
    en: "The meeting date cannot be in the future.",
    km: "កាលបរិច្ឆេទកិច្ចប្រជុំមិនអាចនៅថ្ងៃអនាគតបានទេ។",
  },
  scorecard_not_submitted: {
    en: "Only a submitted score card can be approved or returned.",
    km: "មានតែប័ណ្ណដាក់ពិន្ទុដែលបានដាក់ស្នើប៉ុណ្ណោះ ដែលអាចអនុម័ត ឬប្រគល់ត្រឡប់វិញបាន។",
  },
  scorecard_not_approved: {
    en: "A change is requested only for an approved score card; this one can still be edited.",
    km: "ការស្នើសុំកែប្រែធ្វើបានតែលើប័ណ្ណដាក់ពិន្ទុដែលបានអនុម័តប៉ុណ្ណោះ។ ប័ណ្ណនេះនៅតែអាចកែបាន។",
  },
  change_request_pending: {
    en: "A change request for this card is already waiting for a decision.",
    km: "សំណើកែប្រែសម្រាប់ប័ណ្ណនេះកំពុងរង់ចាំការសម្រេចរួចហើយ។",
  },
  change_request_decided: {
    en: "This change request has already been decided.",
    km: "សំណើកែប្រែនេះត្រូវបានសម្រេចរួចហើយ។",
  },
} as const satisfies Record<string, { en: string; km: string }>;

/** The two modes, for messages. */
export const MODE_NAMES = {
  individual: { en: "individual", km: "ម្នាក់ៗ" },
  tally: { en: "tally", km: "រាប់សរុប" },
} as const;

/** The two kinds of card, for the audit log's names. */
export const KIND_NAMES = {
  community: { en: "community score card", km: "ប័ណ្ណដាក់ពិន្ទុសហគមន៍" },
  self: { en: "self-assessment", km: "ការវាយតម្លៃខ្លួនឯង" },
} as const;
