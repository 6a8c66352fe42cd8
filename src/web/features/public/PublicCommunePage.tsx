import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconBuildingCommunity } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { Face } from "./Face";
import { Completion } from "./JaapSection";
import classes from "./Public.module.css";
import { PublicFrame } from "./PublicFrame";
import { PublicSection } from "./PublicSection";
import { PublicLoading, PublicProblem } from "./PublicStates";
import { type PublicCommune, type PublicCommuneFacility, usePublicCommune } from "./public.api";

/** /public/communes/:code — the commune's ISAF facilities with their headline figures. */
export function PublicCommunePage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("public");
  const query = usePublicCommune(code);
  return (
    <PublicFrame printable={Boolean(query.data)}>
      {query.error ? (
        <PublicProblem
          error={query.error}
          notFoundMessage={t("states.communeNotFound")}
          onRetry={() => query.refetch()}
        />
      ) : query.data ? (
        <CommuneResults data={query.data} />
      ) : (
        <PublicLoading />
      )}
    </PublicFrame>
  );
}

function CommuneResults({ data }: { data: PublicCommune }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const { commune } = data;
  return (
    <>
      <PageHeader
        above={
          <Text size="sm" c="dimmed">
            {commune.path.map((place) => format.name(place)).join(" › ")}
          </Text>
        }
        title={t("commune.title", { name: format.name(commune) })}
        description={<span lang={format.language === "km" ? "en" : "km"}>{format.otherName(commune)}</span>}
      />
      <PublicSection title={t("commune.facilitiesTitle")} intro={t("commune.intro")}>
        {data.facilities.length === 0 ? (
          <EmptyState
            title={t("commune.emptyTitle")}
            icon={<IconBuildingCommunity aria-hidden size={28} />}
          />
        ) : (
          <Stack gap="md">
            <Text size="sm">{t("commune.headlineExplained")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {data.facilities.map((facility) => (
                <FacilityCard key={facility.id} facility={facility} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </PublicSection>
    </>
  );
}

function FacilityCard({ facility }: { facility: PublicCommuneFacility }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const headingId = useId();
  const { headline } = facility;
  const rounded = headline?.community == null ? null : Math.round(headline.community);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="article"
      aria-labelledby={headingId}
      className={classes.card}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="teal">
            {format.name(facility.kind)}
          </Badge>
        </Group>
        <Title order={3} fz="md" id={headingId}>
          <Anchor component={Link} to={`/public/facilities/${facility.id}`}>
            {format.name(facility)}
          </Anchor>
        </Title>
        {headline ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap" align="center">
              {rounded !== null && <Face score={rounded} size={28} decorative />}
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t("commune.headline", { year: format.digits(String(headline.year)) })}
                </Text>
                <Text fw={700} fz="xl" lh={1.3}>
                  {headline.community === null ? "—" : format.number(headline.community)}
                </Text>
              </Stack>
            </Group>
            {headline.self !== null && (
              <Text size="sm">
                {t("frame.label", { label: t("commune.selfHeadline") })} {format.number(headline.self)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("commune.indicatorCount", { n: format.number(headline.indicators) })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("commune.noCard")}
          </Text>
        )}
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t("commune.jaap")}
          </Text>
          {facility.actions.total > 0 ? (
            <Completion counts={facility.actions} />
          ) : (
            <Text size="sm">{t("commune.noActions")}</Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
