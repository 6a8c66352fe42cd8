import { Grid, Skeleton, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useBoundaries, usePlaceChildren } from "../../api/places";
import { BoundaryMap } from "../../components/BoundaryMap";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { PlaceList } from "./PlaceList";
import { PlaceSearch, useIsSearching } from "./PlaceSearch";

/** /places: search the gazetteer, or browse from the provinces down. */
export function PlacesPage() {
  const { t } = useTranslation("places");
  const searching = useIsSearching();

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Stack gap="lg">
        <PlaceSearch />
        {!searching && <Provinces />}
      </Stack>
    </>
  );
}

function Provinces() {
  const { t } = useTranslation("places");
  const provinces = usePlaceChildren(null);
  const boundaries = useBoundaries("province", null);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <section aria-labelledby="provinces-title">
          <Title order={2} fz="h4" mb="sm" id="provinces-title">
            {t("allProvinces")}
          </Title>
          {provinces.error ? (
            <ErrorAlert error={provinces.error} onRetry={() => provinces.refetch()} />
          ) : provinces.data ? (
            <PlaceList places={provinces.data} label={t("allProvinces")} />
          ) : (
            <Skeleton h={400} radius="md" />
          )}
        </section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <section aria-labelledby="provinces-map-title">
          <Title order={2} fz="h4" mb="sm" id="provinces-map-title">
            {t("map")}
          </Title>
          {boundaries.error ? (
            <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />
          ) : boundaries.data ? (
            <BoundaryMap
              features={boundaries.data.features}
              label={t("common:map.label", { name: t("cambodia") })}
              showLabels={false}
            />
          ) : (
            <Skeleton h={320} radius="md" />
          )}
        </section>
      </Grid.Col>
    </Grid>
  );
}
