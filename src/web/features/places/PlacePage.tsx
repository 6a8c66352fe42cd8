import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { childLevel, type Place, useBoundaries, usePlace, usePlaceChildren } from "../../api/places";
import { BoundaryMap } from "../../components/BoundaryMap";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { PlaceTypeBadge } from "../../components/PlaceLabels";
import { useFormat } from "../../i18n/format";
import { PlaceList } from "./PlaceList";

/** /places/:code — one place: where it is, its names and code, a map, and the places below it. */
export function PlacePage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("places");
  const place = usePlace(code);

  if (place.error) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ErrorAlert error={place.error} />
        <Anchor component={Link} to="/places" mt="md" display="inline-block">
          {t("allProvinces")}
        </Anchor>
      </>
    );
  }
  if (!place.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={20} w={240} />
        <Skeleton h={36} w={320} />
        <Skeleton h={300} />
      </Stack>
    );
  }
  return <PlaceDetails key={place.data.code} place={place.data} />;
}

function PlaceBreadcrumbs({ place }: { place: Place }) {
  const { t } = useTranslation("places");
  const format = useFormat();
  return (
    <nav aria-label={t("breadcrumbs")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        <Anchor component={Link} to="/places" size="sm">
          {t("cambodia")}
        </Anchor>
        {place.path.map((ancestor) => (
          <Anchor key={ancestor.code} component={Link} to={`/places/${ancestor.code}`} size="sm">
            {format.name(ancestor)}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page">
          {format.name(place)}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group
      justify="space-between"
      gap="xs"
      wrap="wrap"
      py={6}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} ta="right" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/**
 * The map around a place: a province shows its districts, a district its communes; a commune (or a
 * village) shows the communes of its district with its own commune highlighted.
 */
function mapFor(
  place: Place,
): { level: "district" | "commune"; within: string; highlight: string | null } | null {
  if (place.level === "province") return { level: "district", within: place.code, highlight: null };
  if (place.level === "district") return { level: "commune", within: place.code, highlight: null };
  const commune = place.level === "commune" ? place.code : place.code.slice(0, 6);
  return { level: "commune", within: commune.slice(0, 4), highlight: commune };
}

function PlaceMap({ place }: { place: Place }) {
  const { t } = useTranslation("places");
  const format = useFormat();
  const view = mapFor(place);
  const boundaries = useBoundaries(view?.level ?? null, view?.within ?? null);
  if (!view) return null;
  return (
    <section aria-labelledby="place-map-title">
      <Title order={2} fz="h4" mb="sm" id="place-map-title">
        {t("map")}
      </Title>
      {boundaries.error ? (
        <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />
      ) : boundaries.data ? (
        <BoundaryMap
          features={boundaries.data.features}
          label={t("common:map.label", { name: format.name(place) })}
          highlightIds={view.highlight ? [view.highlight] : []}
          featureHref={(id) => (id === place.code ? undefined : `/places/${id}`)}
        />
      ) : (
        <Skeleton h={320} radius="md" />
      )}
    </section>
  );
}

function PlaceDetails({ place }: { place: Place }) {
  const { t } = useTranslation("places");
  const format = useFormat();
  const below = childLevel(place.level);
  const children = usePlaceChildren(below ? place.code : null);

  return (
    <>
      <PageHeader
        above={<PlaceBreadcrumbs place={place} />}
        title={format.name(place)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <span lang={format.language === "km" ? "en" : "km"}>{format.otherName(place)}</span>
            <PlaceTypeBadge place={place} />
            <Text component="span" ff="monospace" size="sm">
              {place.code}
            </Text>
            {place.retired && (
              <Badge color="gray" variant="outline" tt="none">
                {t("retired")}
              </Badge>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
          <Paper withBorder radius="md" p="sm">
            <dl style={{ margin: 0 }}>
              <Fact label={t("code")}>
                <Text component="span" ff="monospace" size="sm">
                  {place.code}
                </Text>
              </Fact>
              <Fact label={t("level")}>{t(`levels.${place.level}`)}</Fact>
              <Fact label={t("nameKm")}>
                <span lang="km">{place.nameKm}</span>
              </Fact>
              <Fact label={t("nameEn")}>
                <span lang="en">{place.nameEn}</span>
              </Fact>
              {place.nameUngegn && (
                <Fact label={t("nameUngegn")}>
                  <span lang="km-Latn">{place.nameUngegn}</span>
                </Fact>
              )}
              {place.lat !== null && place.lng !== null && (
                <Fact label={t("location")}>
                  {/* GPS style (Latin digits, decimal point), as typed into a phone's map app. */}
                  <span lang="en">
                    {place.lat.toFixed(4)}, {place.lng.toFixed(4)}
                  </span>
                </Fact>
              )}
              {below && <Fact label={t("childCount")}>{format.number(place.childCount)}</Fact>}
            </dl>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
          <PlaceMap place={place} />
        </Grid.Col>
      </Grid>

      {below && (
        <section aria-labelledby="children-title">
          <Group justify="space-between" mt="xl" mb="sm" gap="xs">
            <Title order={2} fz="h4" id="children-title">
              {t(`childrenOf.${place.level}`)}
            </Title>
            {children.data && (
              <Badge variant="light" size="lg" tt="none">
                {format.number(children.data.length)}
              </Badge>
            )}
          </Group>
          {children.error ? (
            <ErrorAlert error={children.error} onRetry={() => children.refetch()} />
          ) : children.data ? (
            children.data.length > 0 ? (
              <PlaceList places={children.data} label={t(`childrenOf.${place.level}`)} />
            ) : (
              <Text c="dimmed">{t("noChildren")}</Text>
            )
          ) : (
            <Skeleton h={200} radius="md" />
          )}
        </section>
      )}
    </>
  );
}
