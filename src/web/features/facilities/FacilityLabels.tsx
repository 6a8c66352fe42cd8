import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { FacilityKind } from "./facilities.api";

/** One colour per kind of facility, the same in badges, map points and the map legend. */
const KIND_COLORS: Record<string, string> = {
  PS: "blue",
  HC: "red",
  CA: "green",
  RCI: "grape",
  DOSVY: "yellow",
  NGO: "orange",
  POLICE: "dark",
  CPS: "cyan",
  SHELTER: "pink",
};

/** The Mantine colour name of a kind (gray for a kind added after this list was written). */
export function kindColor(code: string): string {
  return KIND_COLORS[code] ?? "gray";
}

/** The CSS colour of a kind's map point: a dark shade, so that it stands out on the light map. */
export function kindFill(code: string): string {
  return `var(--mantine-color-${kindColor(code)}-7)`;
}

/** A light badge whose words keep their case and wrap rather than being cut off. */
export function TextBadge({ children, ...props }: BadgeProps & { children: ReactNode }) {
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      h="auto"
      py={2}
      styles={{ label: { whiteSpace: "normal", overflow: "visible" } }}
      {...props}
    >
      {children}
    </Badge>
  );
}

/** A badge with the kind of facility in the language shown. */
export function KindBadge({ kind, ...props }: { kind: FacilityKind } & BadgeProps) {
  const format = useFormat();
  // Long kind names ("District office of social affairs") wrap rather than being cut off.
  return (
    <TextBadge color={kindColor(kind.code)} {...props}>
      {format.name(kind)}
    </TextBadge>
  );
}

/** "Demo" on records that came with the demo data, "Inactive" on deactivated ones. */
export function RecordBadges({
  isDemo,
  active,
  withStatus = true,
}: {
  isDemo: boolean;
  active: boolean;
  /** False where the status is shown in words anyway (the table's status column). */
  withStatus?: boolean;
}) {
  const { t } = useTranslation("facilities");
  return (
    <>
      {withStatus && !active && (
        <Badge color="gray" variant="filled" radius="sm" tt="none">
          {t("status.inactive")}
        </Badge>
      )}
      {isDemo && (
        <Badge color="yellow" variant="outline" radius="sm" tt="none">
          {t("demo")}
        </Badge>
      )}
    </>
  );
}
