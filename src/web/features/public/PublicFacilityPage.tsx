import { Anchor, Badge, Breadcrumbs, Grid, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { I4cSection } from "./I4cSection";
import { JaapSection } from "./JaapSection";
import { PublicFrame } from "./PublicFrame";
import { PublicLoading, PublicProblem } from "./PublicStates";
import { type PublicFacility, usePublicFacility } from "./public.api";
import { ScoresSection } from "./ScoresSection";

/** /public/facilities/:id — a facility's public results: scores over the years, the JAAP, the I4C pack. */
export function PublicFacilityPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("public");
  const query = usePublicFacility(id);
  return (
    <PublicFrame printable={Boolean(query.data)}>
      {query.error ? (
        <PublicProblem
          error={query.error}
          notFoundMessage={t("states.facilityNotFound")}
          onRetry={() => query.refetch()}
        />
      ) : query.data ? (
        <FacilityResults data={query.data} />
      ) : (
        <PublicLoading />
      )}
    </PublicFrame>
  );
}

function FacilityResults({ data }: { data: PublicFacility }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const { facility } = data;
  const commune = facility.path.find((place) => place.level === "commune");
  const other = format.language === "km" ? "en" : "km";
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs
            aria-label={t("place.breadcrumbs")}
            separator="›"
            separatorMargin={4}
            style={{ flexWrap: "wrap" }}
          >
            {facility.path.map((place) =>
              place.level === "commune" ? (
                <Anchor key={place.code} component={Link} to={`/public/communes/${place.code}`} size="sm">
                  {format.name(place)}
                </Anchor>
              ) : (
                <Text key={place.code} size="sm" c="dimmed">
                  {format.name(place)}
                </Text>
              ),
            )}
          </Breadcrumbs>
        }
        title={format.name(facility)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <span lang={other}>{format.otherName(facility)}</span>
            <Badge variant="light" color="teal">
              {format.name(facility.kind)}
            </Badge>
          </Group>
        }
      />
      <Stack gap="lg">
        <ScoresSection years={data.scores} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <JaapSection counts={data.actions.counts} items={data.actions.items} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <I4cSection packs={data.i4c} />
          </Grid.Col>
        </Grid>
        {commune && (
          <Anchor component={Link} to={`/public/communes/${commune.code}`} size="sm">
            {t("place.communePage", { commune: format.name(commune) })}
          </Anchor>
        )}
      </Stack>
    </>
  );
}
