import { Anchor, Breadcrumbs, Group, Select, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isInArea } from "../../../domain/places";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { useMe } from "../auth/session";
import { type Dashboard, type DashboardScope, dashboardHref, SECTORS, type Sector } from "./dashboards.api";

/** Where the dashboard is: Cambodia › province › district › commune › facility, each a link up. */
export function ScopeBreadcrumbs({ dashboard, scope }: { dashboard: Dashboard; scope: DashboardScope }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const me = useMe();
  const crumbs = [
    { code: "", name: t("scope.cambodia"), reachable: me.area.national },
    ...dashboard.scope.path.map((place) => ({
      code: place.code,
      name: format.name(place),
      reachable: isInArea(place.code, me.area),
    })),
  ];
  const facility = dashboard.scope.facility;
  return (
    <nav aria-label={t("scope.breadcrumbs")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        {crumbs.map((crumb, index) => {
          const current = !facility && index === crumbs.length - 1;
          return current || !crumb.reachable ? (
            <Text key={crumb.code || "KH"} size="sm" aria-current={current ? "page" : undefined}>
              {crumb.name}
            </Text>
          ) : (
            <Anchor
              key={crumb.code || "KH"}
              component={Link}
              to={dashboardHref({ ...scope, place: crumb.code, facility: undefined })}
              size="sm"
            >
              {crumb.name}
            </Anchor>
          );
        })}
        {facility && (
          <Text size="sm" aria-current="page">
            {format.name(facility)}
          </Text>
        )}
      </Breadcrumbs>
    </nav>
  );
}

/** The scope's controls: place, sector and years. */
export function ScopeFilters({
  scope,
  onChange,
}: {
  scope: DashboardScope;
  onChange: (change: Partial<DashboardScope>) => void;
}) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const me = useMe();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i)).map((year) => ({
    value: year,
    label: format.digits(year),
  }));
  const yearValue = (value: number | undefined) => (value === undefined ? null : String(value));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <PlacePicker
        label={t("scope.place")}
        placeholder={me.area.national ? t("scope.cambodia") : undefined}
        value={scope.place || null}
        // A village stands for its commune: the dashboard goes down to communes and facilities.
        onChange={(code) =>
          onChange({
            place: code ? code.slice(0, 6) : me.area.national ? "" : scope.place,
            facility: undefined,
          })
        }
        style={{ flex: "1 1 16rem", minWidth: 0 }}
        clearable={me.area.national}
      />
      <Select
        label={t("scope.sector")}
        placeholder={t("scope.allSectors")}
        data={SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
        value={scope.sector ?? null}
        onChange={(value) => onChange({ sector: (value as Sector | null) ?? undefined })}
        clearable
        style={{ flex: "1 1 12rem" }}
      />
      <Select
        label={t("scope.yearFrom")}
        placeholder={t("scope.anyYear")}
        data={years}
        value={yearValue(scope.yearFrom)}
        onChange={(value) => onChange({ yearFrom: value ? Number(value) : undefined })}
        clearable
        style={{ flex: "0 1 8rem" }}
      />
      <Select
        label={t("scope.yearTo")}
        placeholder={t("scope.anyYear")}
        data={years}
        value={yearValue(scope.yearTo)}
        onChange={(value) => onChange({ yearTo: value ? Number(value) : undefined })}
        clearable
        style={{ flex: "0 1 8rem" }}
      />
    </Group>
  );
}
