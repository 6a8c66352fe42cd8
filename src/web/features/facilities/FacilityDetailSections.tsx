import { Anchor, Badge, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useBoundaries } from "../../api/places";
import { BoundaryMap } from "../../components/BoundaryMap";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { Fact, Facts, Missing, PlaceLink } from "./FacilityFacts";
import { FacilityHistory } from "./FacilityHistory";
import { FacilitySection } from "./FacilitySection";
import type { Facility } from "./facilities.api";

// The sections of the facility page: what is recorded, where the facility is, and what happened to it.

interface SectionProps {
  facility: Facility;
}

export function IdentitySection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  return (
    <FacilitySection id="facility-identity" title={t("detail.identity")} p="md">
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
        <Fact label={t("fields.status")}>{facility.active ? t("status.active") : t("status.inactive")}</Fact>
      </Facts>
    </FacilitySection>
  );
}

export function LocationSection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  return (
    <FacilitySection id="facility-location" title={t("detail.location")} p="md">
      <Facts>
        {facility.path.map((place) => (
          <Fact key={place.code} label={t(`levels.${place.level}`)}>
            <PlaceLink place={place} component="span" />
          </Fact>
        ))}
        <Fact label={t("fields.gps")}>
          {facility.lat !== null && facility.lng !== null ? (
            <Text component="span" size="sm">
              {t("fields.lat")} {format.number(facility.lat, { maximumFractionDigits: 6 })} ·{" "}
              {t("fields.lng")} {format.number(facility.lng, { maximumFractionDigits: 6 })}
            </Text>
          ) : (
            <Missing />
          )}
        </Fact>
        <Fact label={t("fields.address")}>{facility.address ?? <Missing />}</Fact>
      </Facts>
    </FacilitySection>
  );
}

export function ContactSection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  return (
    <FacilitySection id="facility-contact" title={t("detail.contact")} p="md">
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
    </FacilitySection>
  );
}

export function ServicesSection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  return (
    <FacilitySection id="facility-services" title={t("fields.serviceTypeCodes")} p="md">
      {facility.services.length > 0 ? (
        <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
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
    </FacilitySection>
  );
}

export function CatchmentSection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  return (
    <FacilitySection id="facility-catchment" title={t("fields.catchmentCodes")} p="md">
      {facility.catchment.length > 0 ? (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {facility.catchment.map((place) => (
            <PlaceLink key={place.code} place={place} component="li" />
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("detail.noCatchment")}
        </Text>
      )}
    </FacilitySection>
  );
}

function FacilityMiniMap({ facility }: SectionProps) {
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

export function MapSection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  const hasGps = facility.lat !== null && facility.lng !== null;
  return (
    <FacilitySection id="facility-map" title={t("detail.map")} p="md">
      <FacilityMiniMap facility={facility} />
      {!hasGps && (
        <Text size="sm" c="dimmed" mt="xs">
          {t("detail.noGps")}
        </Text>
      )}
    </FacilitySection>
  );
}

export function HistorySection({ facility }: SectionProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  return (
    <FacilitySection id="facility-history" title={t("history.title")} p="md">
      <Text size="xs" c="dimmed" mb="sm">
        {t("detail.record", {
          created: format.date(facility.createdAt),
          updated: format.dateTime(facility.updatedAt),
        })}
      </Text>
      <FacilityHistory id={facility.id} />
    </FacilitySection>
  );
}
