import { Anchor, Grid, Paper, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBoundaries } from "../../api/places";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { AREA_FIGURE_KEYS, AREA_FIGURES, type AreaFigureKey, classesOf } from "./area-figures";
import { ChoroplethMap } from "./ChoroplethMap";
import classes from "./Dashboard.module.css";
import { type AreaFigures, type Dashboard, type DashboardScope, dashboardHref } from "./dashboards.api";
import { actionsHref, cyclesHref } from "./records";
import { useFigureFormat } from "./useFigureFormat";

const CHILD_LEVEL = { national: "province", province: "district", district: "commune" } as const;

/** The child areas: a map coloured by a chosen figure (places only) and the drill-down table. */
export function AreasSection({ dashboard, scope }: { dashboard: Dashboard; scope: DashboardScope }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const figureFormat = useFigureFormat();
  const [figure, setFigure] = useState<AreaFigureKey>("participants");
  const level = dashboard.scope.level;
  const childLevel =
    level === "national" || level === "province" || level === "district" ? CHILD_LEVEL[level] : null;
  const boundaries = useBoundaries(childLevel, level === "national" ? null : dashboard.scope.place || null);
  const areas = dashboard.areas;
  const byId = new Map(areas.map((area) => [area.id, area]));
  const figureOf = (area: AreaFigures | undefined) =>
    area && area.cycles > 0 ? AREA_FIGURES[figure].value(area) : null;
  const scale = classesOf(
    areas.map((area) => figureOf(area)),
    AREA_FIGURES[figure].kind,
  );
  const drill = (area: AreaFigures) =>
    area.kind === "facility"
      ? dashboardHref({ ...scope, facility: area.id })
      : dashboardHref({ ...scope, place: area.id, facility: undefined });
  const heading = t(`areas.title.${childLevel ?? "facility"}`);

  const figureSelect = (
    <Select
      label={t("map.colourBy")}
      data={AREA_FIGURE_KEYS.map((key) => ({ value: key, label: t(`figures.${key}`) }))}
      value={figure}
      onChange={(value) => value && setFigure(value as AreaFigureKey)}
      allowDeselect={false}
      maw={320}
    />
  );

  return (
    <section aria-labelledby="dashboard-areas">
      <Title order={2} fz="h4" mb="sm" id="dashboard-areas">
        {heading}
      </Title>
      <Grid gap="lg">
        {childLevel && (
          <Grid.Col span={{ base: 12, xl: 5 }}>
            <Stack gap="sm" maw={720}>
              {figureSelect}
              {boundaries.error ? (
                <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />
              ) : boundaries.data ? (
                <ChoroplethMap
                  features={boundaries.data.features}
                  label={t("map.label", { figure: t(`figures.${figure}`) })}
                  figureOf={(id) => figureOf(byId.get(id))}
                  scale={scale}
                  format={(value) => figureFormat(AREA_FIGURES[figure].kind, value)}
                  nameOf={(id) => {
                    const area = byId.get(id);
                    return area ? format.name(area) : id;
                  }}
                  hrefOf={(id) => dashboardHref({ ...scope, place: id, facility: undefined })}
                />
              ) : (
                <Skeleton h={300} radius="md" />
              )}
            </Stack>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, xl: childLevel ? 7 : 12 }}>
          {areas.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("areas.none")}
            </Text>
          ) : (
            <Paper withBorder radius="md" className={classes.tableScroll}>
              <Table striped highlightOnHover verticalSpacing={6} fz="sm" miw={640}>
                <Table.Caption>{t("areas.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("areas.name")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.cycles")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.late")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.participants")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.communityMean")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.completionRate")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.overdue")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("figures.compliance")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {areas.map((area) => {
                    const place = area.kind === "facility" ? dashboard.scope.place : area.id;
                    return (
                      <Table.Tr key={area.id}>
                        <Table.Th scope="row" fw={500}>
                          <Anchor component={Link} to={drill(area)} size="sm">
                            {format.name(area)}
                          </Anchor>
                        </Table.Th>
                        <Table.Td ta="right">
                          <Anchor component={Link} to={cyclesHref(dashboard.scope, { place })} size="sm">
                            {format.number(area.cycles)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Anchor
                            component={Link}
                            to={cyclesHref(dashboard.scope, { place, late: true })}
                            size="sm"
                          >
                            {format.number(area.late)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{format.number(area.participants)}</Table.Td>
                        <Table.Td ta="right">
                          {area.communityMean === null ? "–" : figureFormat("score", area.communityMean)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {area.completionRate === null ? "–" : figureFormat("share", area.completionRate)}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Anchor
                            component={Link}
                            to={actionsHref(dashboard.scope, { place, overdue: true })}
                            size="sm"
                          >
                            {format.number(area.overdue)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">
                          {area.committeesFormed
                            ? figureFormat("share", area.committeesCompliant / area.committeesFormed)
                            : "–"}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </section>
  );
}
