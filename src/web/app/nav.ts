import {
  IconBriefcase,
  IconBuildingCommunity,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconDeviceMobile,
  IconHome,
  IconListDetails,
  IconListNumbers,
  IconMapPin,
  IconMessage,
  IconShieldLock,
  IconSitemap,
  IconTargetArrow,
  IconUser,
  IconUsers,
} from "@tabler/icons-react";
import type { ComponentType } from "react";

export interface NavItem {
  /** Key under common:nav. */
  key:
    | "home"
    | "field"
    | "feedback"
    | "places"
    | "facilities"
    | "cycles"
    | "reviews"
    | "actions"
    | "dashboards"
    | "programmes"
    | "catalogue"
    | "users"
    | "roleSettings"
    | "organisations"
    | "audit"
    | "account";
  to: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown only to users holding this ability (or one of these); every signed-in user otherwise. */
  ability?: string | readonly string[];
  /** Active only on the exact path (the home page). */
  end?: boolean;
}

/** The main menu. Admin pages live under /admin (src/web/features/admin/routes.tsx). */
export const NAV_ITEMS: NavItem[] = [
  { key: "home", to: "/", icon: IconHome, end: true },
  { key: "field", to: "/field", icon: IconDeviceMobile, ability: "cycle:facilitate" },
  { key: "feedback", to: "/feedback", icon: IconMessage, ability: ["feedback:read", "feedback:restricted"] },
  { key: "places", to: "/places", icon: IconMapPin },
  { key: "facilities", to: "/facilities", icon: IconBuildingCommunity },
  { key: "cycles", to: "/cycles", icon: IconClipboardCheck },
  { key: "reviews", to: "/scorecards/reviews", icon: IconChecklist, ability: "scorecard:review" },
  { key: "actions", to: "/jaap/actions", icon: IconTargetArrow },
  { key: "dashboards", to: "/dashboards", icon: IconChartBar, ability: "dashboard:read" },
  { key: "programmes", to: "/programmes", icon: IconBriefcase },
  { key: "catalogue", to: "/catalogue", icon: IconListNumbers },
  { key: "users", to: "/admin/users", icon: IconUsers, ability: "user:manage" },
  { key: "roleSettings", to: "/admin/roles", icon: IconShieldLock, ability: "user:manage" },
  // Every signed-in user reads the directory; only organisation:manage may change it.
  { key: "organisations", to: "/admin/organisations", icon: IconSitemap },
  { key: "audit", to: "/admin/audit", icon: IconListDetails, ability: "audit:read" },
  { key: "account", to: "/account", icon: IconUser },
];
