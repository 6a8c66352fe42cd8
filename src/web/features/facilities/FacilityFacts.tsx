import { Anchor, DataList, Group, Text, useMatches } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlaceSummary } from "../../../contracts/places";
import { PlaceTypeBadge } from "../../components/PlaceLabels";
import { useFormat } from "../../i18n/format";

/** Facts as label over value on a phone, side by side where there is room. */
export function Facts({ children }: { children: ReactNode }) {
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  return (
    <DataList orientation={orientation} gap="xs" labelWidth="11rem">
      {children}
    </DataList>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ minWidth: 0 }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** What stands where nothing was recorded. */
export function Missing() {
  const { t } = useTranslation("facilities");
  return (
    <Text component="span" c="dimmed" size="sm">
      {t("detail.notRecorded")}
    </Text>
  );
}

/** A place as a link to its page, with its type and code. */
export function PlaceLink({ place, component }: { place: PlaceSummary; component: "span" | "li" }) {
  const format = useFormat();
  return (
    <Group gap={6} wrap="wrap" component={component}>
      <Anchor component={Link} to={`/places/${place.code}`} size="sm">
        {format.name(place)}
      </Anchor>
      <PlaceTypeBadge place={place} size="xs" />
      <Text component="span" size="xs" ff="monospace" c="dimmed">
        {place.code}
      </Text>
    </Group>
  );
}
