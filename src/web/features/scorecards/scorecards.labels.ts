/** Colours and orders shared by the score-card screens. */
export const STATUS_COLOURS = {
  draft: "gray",
  submitted: "blue",
  returned: "orange",
  approved: "green",
} as const;

export const GROUP_ORDER = [
  "women",
  "youth",
  "children",
  "ethnic_minority",
  "disability",
  "id_poor",
] as const;

export const AGE_BAND_ORDER = ["under_15", "15_17", "18_30", "31_59", "60_plus"] as const;
