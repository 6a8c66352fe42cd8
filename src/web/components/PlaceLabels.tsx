import { Badge, type BadgeProps, Text, type TextProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaceSummary } from "../../contracts/places";
import { useFormat } from "../i18n/format";

const LEVEL_COLORS: Record<PlaceSummary["level"], string> = {
  province: "indigo",
  district: "grape",
  commune: "teal",
  village: "orange",
};

/** The kind of place in words: ខេត្ត, ក្រុង, សង្កាត់ … (the type; the level when the type is unknown). */
export function usePlaceTypeName(): (place: PlaceSummary) => string {
  const { t } = useTranslation("places");
  return (place) => t(`types.${place.type}`, { defaultValue: t(`levels.${place.level}`) });
}

/** A badge with the kind of place, coloured by level. */
export function PlaceTypeBadge({ place, ...props }: { place: PlaceSummary } & BadgeProps) {
  const typeName = usePlaceTypeName();
  return (
    <Badge color={LEVEL_COLORS[place.level]} variant="light" radius="sm" tt="none" {...props}>
      {typeName(place)}
    </Badge>
  );
}

/**
 * A place's full path, smallest first: "village › commune › district › province".
 * `path` is the ancestors from the province down, as the API sends them. Without `withSelf`, only
 * the ancestors ("commune › district › province"), for where the name is shown just above.
 */
export function usePlacePath(): (place: PlaceSummary, path: PlaceSummary[], withSelf?: boolean) => string {
  const format = useFormat();
  return (place, path, withSelf = true) =>
    [...(withSelf ? [place] : []), ...[...path].reverse()].map((item) => format.name(item)).join(" › ");
}

/** The path as a line of dimmed text. */
export function PlacePathText({
  place,
  path,
  ...props
}: { place: PlaceSummary; path: PlaceSummary[] } & TextProps) {
  const pathOf = usePlacePath();
  return (
    <Text size="sm" c="dimmed" {...props}>
      {pathOf(place, path)}
    </Text>
  );
}
