import { Skeleton, Stack, Text } from "@mantine/core";
import { usePlace } from "../../api/places";
import { usePlacePath } from "../../components/PlaceLabels";
import { useFormat } from "../../i18n/format";

/** A place code as its name in the current language, and (withPath) its full path under it. */
export function PlaceName({ code, withPath = false }: { code: string; withPath?: boolean }) {
  const place = usePlace(code);
  const format = useFormat();
  const pathOf = usePlacePath();
  if (place.isPending) return <Skeleton h={16} w={120} display="inline-block" />;
  if (!place.data) {
    return (
      <Text component="span" size="sm" ff="monospace">
        {code}
      </Text>
    );
  }
  if (!withPath) return <>{format.name(place.data)}</>;
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={500}>
        {format.name(place.data)}{" "}
        <Text component="span" size="xs" c="dimmed" ff="monospace">
          {code}
        </Text>
      </Text>
      {place.data.path.length > 0 && (
        <Text size="xs" c="dimmed">
          {pathOf(place.data, place.data.path)}
        </Text>
      )}
    </Stack>
  );
}
