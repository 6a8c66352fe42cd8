import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useMe } from "../auth/session";
import { ActionsAndCommittees } from "./ActionsAndCommittees";
import { AreasSection } from "./AreasSection";
import { exportHref, useDashboard, useDashboardScope } from "./dashboards.api";
import { HeadlineFigures } from "./HeadlineFigures";
import { IndicatorsSection } from "./IndicatorsSection";
import { PeopleAndCycles } from "./PeopleAndCycles";
import { facilityPublicHref } from "./records";
import { ScopeBreadcrumbs, ScopeFilters } from "./ScopeBar";

/** /dashboards — the ISAF cycle's figures for a scope (place or facility, sector, years). */
export function DashboardPage() {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const me = useMe();
  const defaultPlace = me.area.national ? "" : (me.area.codes[0] ?? "").slice(0, 6);
  const { scope, update } = useDashboardScope(defaultPlace);
  const dashboard = useDashboard(scope);
  const data = dashboard.data;
  const title = data?.scope.facility
    ? format.name(data.scope.facility)
    : data?.scope.path.length
      ? format.name(data.scope.path[data.scope.path.length - 1]!)
      : t("scope.cambodia");

  return (
    <>
      <PageHeader
        above={data ? <ScopeBreadcrumbs dashboard={data} scope={scope} /> : undefined}
        title={t("title", { scope: title })}
        description={
          data ? (
            <>
              {t("asOf", { date: format.date(data.scope.asOf, { dateStyle: "long" }) })}
              {data.scope.facility && (
                <>
                  {" "}
                  <Anchor component={Link} to={facilityPublicHref(data.scope.facility.id)}>
                    {t("publicPage")}
                  </Anchor>
                </>
              )}
            </>
          ) : (
            t("intro")
          )
        }
        actions={
          data?.hasData && (
            <>
              <Button
                component="a"
                href={exportHref(scope, "xlsx")}
                download
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("export.xlsx")}
              </Button>
              <Button
                component="a"
                href={exportHref(scope, "csv")}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("export.csv")}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder radius="md" p="sm" mb="lg">
        <ScopeFilters scope={scope} onChange={update} />
      </Paper>
      {dashboard.error ? (
        <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !data ? (
        <Stack aria-busy="true" aria-label={t("common:states.loading")}>
          <Skeleton h={90} />
          <Skeleton h={320} />
        </Stack>
      ) : !data.hasData ? (
        <EmptyState title={t("empty.title")} description={t("empty.description")}>
          <Text size="sm">{t("empty.hint")}</Text>
        </EmptyState>
      ) : (
        <Stack gap="xl" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
          <HeadlineFigures dashboard={data} />
          {data.scope.level !== "facility" && <AreasSection dashboard={data} scope={scope} />}
          <PeopleAndCycles dashboard={data} />
          <IndicatorsSection dashboard={data} />
          <ActionsAndCommittees dashboard={data} />
          <Group>
            <Text size="xs" c="dimmed">
              {t("footnote")}
            </Text>
          </Group>
        </Stack>
      )}
    </>
  );
}
