import { Anchor, Breadcrumbs, ColorSwatch, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBoundaries, usePlace } from "../../api/places";
import { BoundaryMap, type MapPoint } from "../../components/BoundaryMap";
import { ErrorAlert } from "../../components/ErrorAlert";
import { localName, useFormat } from "../../i18n/format";
import { kindFill } from "./FacilityLabels";
import { type FacilityReference, useFacilityMap } from "./facilities.api";
import { type ListState, listHref } from "./list-state";

type BoundaryLevel = "province" | "district" | "commune";

/**
 * Which boundaries frame the map: the provinces by default, the districts of a chosen province,
 * the communes of a chosen district; for a commune or village, the communes of its district with
 * that commune highlighted.
 */
function boundariesFor(place: string | undefined): {
  level: BoundaryLevel;
  within: string | null;
  highlight: string | null;
} {
  if (!place) return { level: "province", within: null, highlight: null };
  if (place.length === 2) return { level: "district", within: place, highlight: null };
  if (place.length === 4) return { level: "commune", within: place, highlight: null };
  return { level: "commune", within: place.slice(0, 4), highlight: place.slice(0, 6) };
}

/** Where the map is zoomed to, with links back out: "Cambodia › Pursat › Bakan". */
function MapTrail({ state }: { state: ListState }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const place = usePlace(state.place);
  if (!state.place || !place.data) return null;
  const at = (code: string | undefined) => listHref({ ...state, view: "map", place: code, page: 1 });
  return (
    <nav aria-label={t("map.trail")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        <Anchor component={Link} to={at(undefined)} size="sm">
          {t("places:cambodia")}
        </Anchor>
        {place.data.path.map((ancestor) => (
          <Anchor key={ancestor.code} component={Link} to={at(ancestor.code)} size="sm">
            {format.name(ancestor)}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="location">
          {format.name(place.data)}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

/** The map view of the facilities page: the facilities that match the filters, coloured by kind. */
export function FacilityMapView({
  state,
  reference,
}: {
  state: ListState;
  reference: FacilityReference | undefined;
}) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const language = format.language;
  const filters = {
    place: state.place,
    kind: state.kind,
    serviceType: state.serviceType,
    q: state.q,
    status: state.status,
  };
  const map = useFacilityMap(filters);
  const frame = boundariesFor(state.place);
  const boundaries = useBoundaries(frame.level, frame.within);

  const kindsByCode = useMemo(
    () => new Map((reference?.kinds ?? []).map((kind) => [kind.code, kind])),
    [reference],
  );
  const points: MapPoint[] = useMemo(
    () =>
      (map.data?.points ?? []).map((point) => {
        const kind = kindsByCode.get(point.kindCode);
        const name = localName(point, language);
        return {
          id: point.id,
          lat: point.lat,
          lng: point.lng,
          label: kind ? `${localName(kind, language)}: ${name}` : name,
          href: `/facilities/${point.id}`,
          color: kindFill(point.kindCode),
        };
      }),
    [map.data, kindsByCode, language],
  );

  const legend = useMemo(() => {
    // Kinds in the registry's order.
    const order = (code: string) => reference?.kinds.findIndex((kind) => kind.code === code) ?? 0;
    const counts = new Map<string, number>();
    for (const point of map.data?.points ?? [])
      counts.set(point.kindCode, (counts.get(point.kindCode) ?? 0) + 1);
    return [...counts.entries()]
      .map(([code, count]) => ({ code, count, kind: kindsByCode.get(code) }))
      .sort((a, b) => order(a.code) - order(b.code));
  }, [map.data, kindsByCode, reference]);

  if (map.error) return <ErrorAlert error={map.error} onRetry={() => map.refetch()} />;
  if (boundaries.error) return <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />;
  if (!map.data || !boundaries.data)
    return <Skeleton h={360} radius="md" aria-label={t("common:states.loading")} />;

  const shown = map.data.points.length;
  const withoutLocation = map.data.withoutLocation;

  return (
    <Stack gap="sm">
      <MapTrail state={state} />
      <Text size="sm" role="status" aria-live="polite">
        {t("map.summary", { count: shown, n: format.number(shown) })}{" "}
        {withoutLocation > 0 &&
          t("map.withoutLocation", { count: withoutLocation, n: format.number(withoutLocation) })}
      </Text>
      <BoundaryMap
        features={boundaries.data.features}
        points={points}
        label={t("map.label")}
        highlightIds={frame.highlight ? [frame.highlight] : []}
        featureHref={(id) =>
          id === state.place ? undefined : listHref({ ...state, view: "map", place: id, page: 1 })
        }
        maxHeight={560}
        neutralShapes
      />
      {legend.length > 0 && (
        <section aria-label={t("map.legend")}>
          <Group component="ul" gap="md" m={0} p={0} style={{ listStyle: "none", rowGap: 4 }}>
            {legend.map((item) => (
              <Group component="li" key={item.code} gap={6} wrap="nowrap">
                <ColorSwatch color={kindFill(item.code)} size={12} withShadow={false} aria-hidden />
                <Text size="sm" component="span">
                  {item.kind ? format.name(item.kind) : item.code}{" "}
                  <Text component="span" c="dimmed" size="sm">
                    ({format.number(item.count)})
                  </Text>
                </Text>
              </Group>
            ))}
          </Group>
        </section>
      )}
      <Text size="xs" c="dimmed">
        {t("map.hint")}
      </Text>
    </Stack>
  );
}
