/**
 * Words that suggest a report of harm to a child (issue 5, "safeguarding route"): violence, abuse,
 * exploitation, neglect. A message that uses one goes to the restricted child-protection queue of its
 * area instead of the general one. Erring towards flagging is deliberate: a message wrongly flagged
 * is seen by child-protection staff and moved back (audited); a report wrongly left in the general
 * queue is read by the very office it may be about. Senders can also flag a report themselves, and
 * staff can move a message in either direction.
 *
 * Khmer is written without spaces between words, so Khmer terms match anywhere in the text; the few
 * that are also parts of everyday words carry a guard (វាយ "hit" is also in វាយតម្លៃ "evaluate",
 * the ISAF word for scoring). English terms match whole words, with their common endings.
 */
interface Term {
  /** What staff see as the reason the message was flagged. */
  label: string;
  pattern: RegExp;
}

const KHMER: Term[] = [
  { label: "វាយ", pattern: /វាយ(?!តម្លៃ)/u },
  { label: "ដាល់", pattern: /ដាល់/u },
  { label: "ទាត់", pattern: /ទាត់/u },
  { label: "ធ្វើបាប", pattern: /ធ្វើបាប/u },
  { label: "ហិង្សា", pattern: /ហិង្សា/u },
  { label: "រំលោភ", pattern: /រំលោភ/u },
  { label: "បំពាន", pattern: /បំពាន/u },
  { label: "បៀតបៀន", pattern: /បៀតបៀន/u },
  { label: "កេងប្រវ័ញ្ច", pattern: /កេងប្រវ័ញ្ច/u },
  { label: "ជួញដូរមនុស្ស", pattern: /ជួញដូរ(មនុស្ស|កុមារ|ក្មេង)/u },
  { label: "ពលកម្មកុមារ", pattern: /ពលកម្មកុមារ/u },
  { label: "អាពាហ៍ពិពាហ៍កុមារ", pattern: /អាពាហ៍ពិពាហ៍(កុមារ|មុនអាយុ)/u },
  { label: "បោះបង់ចោល", pattern: /បោះបង់ចោល/u },
  { label: "គំរាម", pattern: /គំរាម/u },
];

const ENGLISH: Term[] = [
  { label: "beat", pattern: /\bbeat(s|en|ing)?\b/i },
  { label: "hit", pattern: /\bhit(s|ting)?\b/i },
  { label: "kick", pattern: /\bkick(s|ed|ing)?\b/i },
  { label: "punch", pattern: /\bpunch(es|ed|ing)?\b/i },
  { label: "slap", pattern: /\bslap(s|ped|ping)?\b/i },
  { label: "hurt", pattern: /\bhurt(s|ing)?\b/i },
  { label: "abuse", pattern: /\babus(e|es|ed|ing|er|ive)\b/i },
  { label: "violence", pattern: /\bviolen(ce|t)\b/i },
  { label: "rape", pattern: /\brap(e|ed|es|ing|ist)\b/i },
  { label: "sexual", pattern: /\bsex(ual|ually)?\b/i },
  { label: "molest", pattern: /\bmolest(s|ed|ing|ation)?\b/i },
  { label: "harass", pattern: /\bharass(es|ed|ing|ment)?\b/i },
  { label: "exploit", pattern: /\bexploit(s|ed|ing|ation)?\b/i },
  { label: "trafficking", pattern: /\btraffick(ed|ing|er|ers)?\b/i },
  { label: "neglect", pattern: /\bneglect(s|ed|ing)?\b/i },
  { label: "threat", pattern: /\bthreat(s|en|ens|ened|ening)?\b/i },
  { label: "child labour", pattern: /\bchild\s+labou?r\b/i },
  { label: "child marriage", pattern: /\b(child|early)\s+marriage\b/i },
];

/** The terms of `text` that suggest harm to a child; empty when none does. */
export function harmTerms(text: string): string[] {
  return [...KHMER, ...ENGLISH].filter((term) => term.pattern.test(text)).map((term) => term.label);
}

/** True when the message belongs in the restricted child-protection queue by its words. */
export function suggestsHarm(text: string): boolean {
  return harmTerms(text).length > 0;
}
