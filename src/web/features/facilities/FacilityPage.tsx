import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  DataList,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
  useMatches,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, isApiError } from "../../api/client";
import { BoundaryMap } from "../../components/BoundaryMap";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { PlaceTypeBadge } from "../../components/PlaceLabels";
import { useFormat } from "../../i18n/format";
import { useBoundaries } from "../places/places.api";
import { FacilityHistory } from "./FacilityHistory";
import { KindBadge, RecordBadges } from "./FacilityLabels";
import { type Facility, useDeactivateFacility, useFacility, useReactivateFacility } from "./facilities.api";

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

/**
 * A facility that cannot be shown: one that does not exist or lies outside the user's area (the API
 * answers 404 for both, and 400 for an address that is not a facility id), or a failure worth retrying.
 */
export function FacilityError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("facilities");
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <>
      <PageHeader title={t("detail.title")} above={<FacilityBreadcrumbs />} />
      {missing ? (
        <EmptyState title={t("detail.notFoundTitle")} description={t("detail.notFound")}>
          <Button component={Link} to="/facilities" variant="default">
            {t("detail.backToList")}
          </Button>
        </EmptyState>
      ) : (
        <>
          <ErrorAlert error={error} onRetry={onRetry} />
          <Anchor component={Link} to="/facilities" mt="md" display="inline-block">
            {t("detail.backToList")}
          </Anchor>
        </>
      )}
    </>
  );
}

/** "Facilities › name": the way back to the list. */
export function FacilityBreadcrumbs({ facility, current }: { facility?: Facility; current?: string }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  return (
    <nav aria-label={t("detail.breadcrumbs")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        <Anchor component={Link} to="/facilities" size="sm">
          {t("title")}
        </Anchor>
        {facility &&
          (current ? (
            <Anchor component={Link} to={`/facilities/${facility.id}`} size="sm">
              {format.name(facility)}
            </Anchor>
          ) : (
            <Text size="sm" aria-current="page">
              {format.name(facility)}
            </Text>
          ))}
        {current && (
          <Text size="sm" aria-current="page">
            {current}
          </Text>
        )}
      </Breadcrumbs>
    </nav>
  );
}

/** Facts as label over value on a phone, side by side where there is room. */
function Facts({ children }: { children: ReactNode }) {
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  return (
    <DataList orientation={orientation} gap="xs" labelWidth="11rem">
      {children}
    </DataList>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ minWidth: 0 }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Missing() {
  const { t } = useTranslation("facilities");
  return (
    <Text component="span" c="dimmed" size="sm">
      {t("detail.notRecorded")}
    </Text>
  );
}

function StatusActions({ facility }: { facility: Facility }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const facilityQuery = useFacility(facility.id);
  const deactivate = useDeactivateFacility(facility.id);
  const reactivate = useReactivateFacility(facility.id);
  const [reason, setReason] = useState("");

  // On a version conflict, fetch the current record so that the next try works; the modal shows the error.
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: "teal", message: done });
    } catch (error) {
      if (isApiError(error, "version_conflict")) void facilityQuery.refetch();
      throw error;
    }
  };

  if (!facility.can.deactivate) return null;
  // Distinct keys: the two buttons must not share one modal's open state, or the closing "deactivate"
  // dialog would turn into an open "reactivate" one.
  return facility.active ? (
    <ConfirmButton
      key="deactivate"
      variant="outline"
      leftSection={<IconPlayerPause size={16} aria-hidden />}
      title={t("deactivate.title")}
      message={t("deactivate.message", { name: format.name(facility) })}
      confirmLabel={t("deactivate.confirm")}
      canConfirm={reason.trim().length > 0}
      extra={
        <Textarea
          label={t("deactivate.reason")}
          description={t("deactivate.reasonHint")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
      }
      onConfirm={() =>
        run(
          () => deactivate.mutateAsync({ reason: reason.trim(), version: facility.version }),
          t("deactivate.done"),
        )
      }
    >
      {t("actions.deactivate")}
    </ConfirmButton>
  ) : (
    <ConfirmButton
      key="reactivate"
      color="teal"
      variant="outline"
      leftSection={<IconPlayerPlay size={16} aria-hidden />}
      title={t("reactivate.title")}
      message={t("reactivate.message", { name: format.name(facility) })}
      confirmLabel={t("reactivate.confirm")}
      onConfirm={() => run(() => reactivate.mutateAsync({ version: facility.version }), t("reactivate.done"))}
    >
      {t("actions.reactivate")}
    </ConfirmButton>
  );
}

function FacilityMiniMap({ facility }: { facility: Facility }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const district = facility.communeCode.slice(0, 4);
  const boundaries = useBoundaries("commune", district);
  const commune = facility.path.find((place) => place.level === "commune");
  if (boundaries.error) return <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />;
  if (!boundaries.data) return <Skeleton h={260} radius="md" />;
  return (
    <BoundaryMap
      features={boundaries.data.features}
      label={t("detail.mapLabel", { name: commune ? format.name(commune) : facility.communeCode })}
      highlightIds={[facility.communeCode]}
      points={
        facility.lat !== null && facility.lng !== null
          ? [{ id: facility.id, lat: facility.lat, lng: facility.lng, label: format.name(facility) }]
          : []
      }
      maxHeight={360}
    />
  );
}

function FacilityDetails({ facility }: { facility: Facility }) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const other = format.language === "km" ? "en" : "km";
  const hasGps = facility.lat !== null && facility.lng !== null;

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
            <StatusActions facility={facility} />
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
            <Section id="facility-identity" title={t("detail.identity")}>
              <Facts>
                <Fact label={t("fields.nameKm")}>
                  <span lang="km">{facility.nameKm}</span>
                </Fact>
                <Fact label={t("fields.nameEn")}>
                  <span lang="en">{facility.nameEn}</span>
                </Fact>
                <Fact label={t("fields.kind")}>{format.name(facility.kind)}</Fact>
                <Fact label={t("fields.code")}>
                  <Text component="span" ff="monospace" size="sm">
                    {facility.code}
                  </Text>
                </Fact>
                <Fact label={t("fields.status")}>
                  {facility.active ? t("status.active") : t("status.inactive")}
                </Fact>
              </Facts>
            </Section>

            <Section id="facility-location" title={t("detail.location")}>
              <Facts>
                {facility.path.map((place) => (
                  <Fact key={place.code} label={t(`levels.${place.level}`)}>
                    <Group gap={6} wrap="wrap" component="span">
                      <Anchor component={Link} to={`/places/${place.code}`} size="sm">
                        {format.name(place)}
                      </Anchor>
                      <PlaceTypeBadge place={place} size="xs" />
                      <Text component="span" size="xs" ff="monospace" c="dimmed">
                        {place.code}
                      </Text>
                    </Group>
                  </Fact>
                ))}
                <Fact label={t("fields.gps")}>
                  {hasGps ? (
                    <Text component="span" size="sm">
                      {t("fields.lat")} {format.number(facility.lat!, { maximumFractionDigits: 6 })} ·{" "}
                      {t("fields.lng")} {format.number(facility.lng!, { maximumFractionDigits: 6 })}
                    </Text>
                  ) : (
                    <Missing />
                  )}
                </Fact>
                <Fact label={t("fields.address")}>{facility.address ?? <Missing />}</Fact>
              </Facts>
            </Section>

            <Section id="facility-contact" title={t("detail.contact")}>
              <Facts>
                <Fact label={t("fields.contactName")}>{facility.contactName ?? <Missing />}</Fact>
                <Fact label={t("fields.phone")}>
                  {facility.phone ? (
                    <Anchor href={`tel:${facility.phone.replace(/[^\d+]/g, "")}`} size="sm">
                      {facility.phone}
                    </Anchor>
                  ) : (
                    <Missing />
                  )}
                </Fact>
                <Fact label={t("fields.email")}>
                  {facility.email ? (
                    <Anchor href={`mailto:${facility.email}`} size="sm">
                      {facility.email}
                    </Anchor>
                  ) : (
                    <Missing />
                  )}
                </Fact>
              </Facts>
            </Section>

            <Section id="facility-services" title={t("fields.serviceTypeCodes")}>
              {facility.services.length > 0 ? (
                <Group
                  gap={6}
                  wrap="wrap"
                  component="ul"
                  style={{ listStyle: "none", padding: 0, margin: 0 }}
                >
                  {facility.services.map((service) => (
                    <li key={service.code}>
                      <Badge variant="light" color="gray" radius="sm" tt="none" size="lg" fw={500}>
                        {format.name(service)}
                      </Badge>
                    </li>
                  ))}
                </Group>
              ) : (
                <Missing />
              )}
            </Section>

            <Section id="facility-catchment" title={t("fields.catchmentCodes")}>
              {facility.catchment.length > 0 ? (
                <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                  {facility.catchment.map((place) => (
                    <Group key={place.code} gap={6} wrap="wrap" component="li">
                      <Anchor component={Link} to={`/places/${place.code}`} size="sm">
                        {format.name(place)}
                      </Anchor>
                      <PlaceTypeBadge place={place} size="xs" />
                      <Text component="span" size="xs" ff="monospace" c="dimmed">
                        {place.code}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("detail.noCatchment")}
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Section id="facility-map" title={t("detail.map")}>
              <FacilityMiniMap facility={facility} />
              {!hasGps && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t("detail.noGps")}
                </Text>
              )}
            </Section>
            <Section id="facility-history" title={t("history.title")}>
              <Text size="xs" c="dimmed" mb="sm">
                {t("detail.record", {
                  created: format.date(facility.createdAt),
                  updated: format.dateTime(facility.updatedAt),
                })}
              </Text>
              <FacilityHistory id={facility.id} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
