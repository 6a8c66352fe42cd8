import type { Role } from "../../domain/roles";
import type { Locale } from "./messages";

/** The place codes a user may see: everything (national) or everything under the listed codes. */
export interface Area {
  national: boolean;
  codes: string[];
}

/** A facility a user is linked to, with what scopes need of it (its sector and commune). */
export interface LinkedFacility {
  id: string;
  kindCode: string;
  communeCode: string;
}

/** The signed-in person a request acts for. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  area: Area;
  locale: Locale;
  organisationId: string | null;
  /** The facilities the user runs (a school director and her school): the facility-link scope. */
  facilities: LinkedFacility[];
  /** The role requires two-factor sign-in and the user has not set it up: only enrolment is open. */
  mustEnrolTotp: boolean;
}
