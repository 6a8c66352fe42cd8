import { Badge, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Place } from "../../api/places";
import { PlaceTypeBadge, usePlacePath } from "../../components/PlaceLabels";
import { useFormat } from "../../i18n/format";
import classes from "./PlaceList.module.css";

interface PlaceListProps {
  places: Place[];
  /** Show each place's full path (search results, where places come from anywhere). */
  withPath?: boolean;
  /** Accessible name of the list. */
  label: string;
}

/** Places as a list of links: name in the current language, the other script under it, kind, code. */
export function PlaceList({ places, withPath = false, label }: PlaceListProps) {
  const { t } = useTranslation("places");
  const format = useFormat();
  const pathOf = usePlacePath();

  return (
    <Paper withBorder radius="md">
      <ul className={classes.list} aria-label={label}>
        {places.map((place) => (
          <li key={place.code} className={classes.item}>
            <Link to={`/places/${place.code}`} className={classes.row}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <Stack gap={0} style={{ flex: "1 1 12rem", minWidth: 0 }}>
                  <Text fw={600} c="teal.9">
                    {format.name(place)}
                  </Text>
                  <Text size="sm" c="dimmed" lang={format.language === "km" ? "en" : "km"}>
                    {format.otherName(place)}
                  </Text>
                  {withPath && place.path.length > 0 && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {pathOf(place, place.path)}
                    </Text>
                  )}
                </Stack>
                <Group gap={6} wrap="wrap">
                  <PlaceTypeBadge place={place} />
                  {place.retired && (
                    <Badge color="gray" variant="outline" tt="none">
                      {t("retired")}
                    </Badge>
                  )}
                  <Text size="sm" ff="monospace" c="dimmed">
                    <VisuallyHidden>{t("code")} </VisuallyHidden>
                    {place.code}
                  </Text>
                </Group>
              </Group>
            </Link>
          </li>
        ))}
      </ul>
    </Paper>
  );
}
