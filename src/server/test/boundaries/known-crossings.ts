/**
 * The module-boundary crossings that remain (boundaries.test.ts), each with the reason it is still
 * there and where it goes. The list may only shrink: the test fails on a crossing that is not here,
 * and on an entry here that no longer crosses. Issue 12, part 4; docs/mechanisms/boundaries.md.
 */

const DASH =
  "The dashboards read ISAF facts the rollup table does not hold (late cycles by day, actions by indicator) and place names; they move onto the rollup engine's readers (part 5).";
const ISAFNAMES =
  "Cycle lists join facility and facilitator names for display; to be looked up through the facilities and users services.";
const I4CMEDIA =
  "I4C photos join their files' type and owner; the media module has no batch look-up service yet.";
const ISAFPOLICY =
  "The JAAP action ability (scope: its cycle's facilitators and area) is declared with the ISAF abilities; it moves to a jaap policy.";
const PLANNING =
  "Planning reads facilities to plan and the cycle's step prerequisites (cards, meeting, actions) straight from their tables; to be asked of each module's service.";
const JAAP =
  "Committees and actions are scoped and shown through their cycle, programme, facility, indicators, photos and people by join; to be looked up through the owners' services.";
const ORGS =
  "An organisation's user count is read from users; organisations sit below users (users call organisations), so the count must come the other way (a users figure the page asks for).";

export const KNOWN_CROSSINGS: { breach: string; why: string }[] = [
  { breach: "modules/dashboards/dashboards.repo.ts names cycles (owned by isaf)", why: DASH },
  { breach: "modules/dashboards/dashboards.repo.ts names indicators (owned by isaf)", why: DASH },
  { breach: "modules/dashboards/dashboards.repo.ts names isaf_rollup (owned by rollups)", why: DASH },
  { breach: "modules/dashboards/dashboards.repo.ts names jaap_actions (owned by jaap)", why: DASH },
  { breach: "modules/dashboards/dashboards.repo.ts names places (owned by places)", why: DASH },
  { breach: "modules/isaf/cycles.repo.ts names facilities (owned by facilities)", why: ISAFNAMES },
  { breach: "modules/isaf/cycles.repo.ts names users (owned by users)", why: ISAFNAMES },
  { breach: "modules/isaf/i4c.repo.ts names media_files (owned by media)", why: I4CMEDIA },
  { breach: "modules/isaf/isaf.policy.ts names jaap_actions (owned by jaap)", why: ISAFPOLICY },
  { breach: "modules/isaf/planning.repo.ts names facilities (owned by facilities)", why: PLANNING },
  { breach: "modules/isaf/planning.repo.ts names facility_kinds (owned by facilities)", why: PLANNING },
  { breach: "modules/isaf/planning.repo.ts names interface_meetings (owned by jaap)", why: PLANNING },
  { breach: "modules/isaf/planning.repo.ts names jaap_actions (owned by jaap)", why: PLANNING },
  { breach: "modules/isaf/planning.repo.ts names scorecards (owned by scorecards)", why: PLANNING },
  { breach: "modules/jaap/committee.repo.ts names cycles (owned by isaf)", why: JAAP },
  { breach: "modules/jaap/committee.repo.ts names programmes (owned by isaf)", why: JAAP },
  { breach: "modules/jaap/committee.repo.ts names users (owned by users)", why: JAAP },
  { breach: "modules/jaap/jaap.repo.ts names cycles (owned by isaf)", why: JAAP },
  { breach: "modules/jaap/jaap.repo.ts names facilities (owned by facilities)", why: JAAP },
  { breach: "modules/jaap/jaap.repo.ts names indicators (owned by isaf)", why: JAAP },
  { breach: "modules/jaap/jaap.repo.ts names media_files (owned by media)", why: JAAP },
  { breach: "modules/jaap/jaap.repo.ts names users (owned by users)", why: JAAP },
  { breach: "modules/organisations/organisations.repo.ts names users (owned by users)", why: ORGS },
];
