import { Anchor, Breadcrumbs, Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import type { Facility } from "./facilities.api";

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
