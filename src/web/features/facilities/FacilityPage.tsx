import { Alert, Button, Grid, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import {
  CatchmentSection,
  ContactSection,
  HistorySection,
  IdentitySection,
  LocationSection,
  MapSection,
  ServicesSection,
} from "./FacilityDetailSections";
import { KindBadge, RecordBadges } from "./FacilityLabels";
import { FacilityBreadcrumbs, FacilityError } from "./FacilityNavigation";
import { FacilityStatusActions } from "./FacilityStatusActions";
import { type Facility, useFacility } from "./facilities.api";

/** /facilities/:id — one facility: everything recorded about it, what may be done with it, and its history. */
export function FacilityPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("facilities");
  const facility = useFacility(id);

  if (facility.error) return <FacilityError error={facility.error} onRetry={() => facility.refetch()} />;
  if (!facility.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={20} w={200} />
        <Skeleton h={36} w={320} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  return <FacilityDetails facility={facility.data} />;
}

function FacilityDetails({ facility }: { facility: Facility }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const other = format.language === "km" ? "en" : "km";

  return (
    <>
      <PageHeader
        above={<FacilityBreadcrumbs facility={facility} />}
        title={format.name(facility)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <span lang={other}>{format.otherName(facility)}</span>
            <KindBadge kind={facility.kind} />
            <Text component="span" ff="monospace" size="sm">
              {facility.code}
            </Text>
            <RecordBadges isDemo={facility.isDemo} active={facility.active} />
          </Group>
        }
        actions={
          <>
            {facility.can.update && (
              <Button
                component={Link}
                to={`/facilities/${facility.id}/edit`}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t("actions.edit")}
              </Button>
            )}
            <FacilityStatusActions facility={facility} />
          </>
        }
      />

      {!facility.active && (
        <Alert color="gray" variant="light" mb="lg" title={t("detail.inactiveTitle")}>
          {facility.deactivatedAt && t("detail.inactiveSince", { date: format.date(facility.deactivatedAt) })}{" "}
          {facility.deactivationReason && (
            <>
              {t("detail.reason")}: {facility.deactivationReason}
            </>
          )}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <IdentitySection facility={facility} />
            <LocationSection facility={facility} />
            <ContactSection facility={facility} />
            <ServicesSection facility={facility} />
            <CatchmentSection facility={facility} />
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <MapSection facility={facility} />
            <HistorySection facility={facility} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
