/**
 * What a message is about, in words a child picks from (labels in the web's `feedback` namespace).
 * The service it concerns is asked separately (a school, a health centre, the commune office).
 */
export const FEEDBACK_TOPICS = [
  "teaching",
  "buildings_water_toilets",
  "fees",
  "staff_behaviour",
  "medicines_care",
  "documents",
  "safety",
  "other",
] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

/** The services a message can concern: the ISAF sectors (primary school, health centre, commune). */
export const FEEDBACK_SECTORS = ["PS", "HC", "CA"] as const;

export const FEEDBACK_STATUSES = ["received", "answered", "escalated", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
