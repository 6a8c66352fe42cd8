/** Messages of the organisations module, in Khmer and English. */
export const ORGANISATION_MESSAGES = {
  unknown_organisation: { en: "Unknown organisation.", km: "មិនស្គាល់អង្គភាព។" },
} as const satisfies Record<string, { en: string; km: string }>;
