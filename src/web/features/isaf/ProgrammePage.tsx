import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { IconCalendarPlus, IconListDetails, IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { type ProgrammeBody, useIndicators, useProgramme } from "./isaf.api";
import { SECTORS, SectorBadge } from "./labels";

/** /programmes/:id — a programme: who runs it, where, its quota rules and its indicators. */
export function ProgrammePage() {
  const { id = "" } = useParams();
  const programme = useProgramme(id);
  if (programme.error) return <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />;
  if (!programme.data) return <Skeleton h={320} />;
  return <ProgrammeDetails programme={programme.data} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

function ProgrammeDetails({ programme }: { programme: ProgrammeBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const indicators = useIndicators();
  const chosen = new Set(programme.indicatorIds);
  const rules = programme.quotaRules;

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/programmes" size="sm">
            ‹ {t("programmes.title")}
          </Anchor>
        }
        title={format.name(programme)}
        description={format.otherName(programme)}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={`/cycles?programme=${programme.id}`}
              leftSection={<IconListDetails size={16} aria-hidden />}
            >
              {t("programmes.viewCycles")}
            </Button>
            {programme.canManage && (
              <>
                <Button
                  component={Link}
                  to={`/programmes/${programme.id}/plan`}
                  leftSection={<IconCalendarPlus size={16} aria-hidden />}
                >
                  {t("plan.title")}
                </Button>
                <Button
                  variant="light"
                  component={Link}
                  to={`/programmes/${programme.id}/edit`}
                  leftSection={<IconPencil size={16} aria-hidden />}
                >
                  {t("actions.edit")}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <FormPanel title={t("programmes.about")}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Fact label={t("programmes.years")}>
              {format.digits(`${programme.startYear}–${programme.endYear}`)}
            </Fact>
            <Fact label={t("programmes.donor")}>{programme.donor ?? "—"}</Fact>
            <Fact label={t("programmes.lead")}>
              {programme.leadOrganisation ? format.name(programme.leadOrganisation) : "—"}
            </Fact>
            <Fact label={t("programmes.partners")}>
              {programme.partners.length ? programme.partners.map((p) => format.name(p)).join(", ") : "—"}
            </Fact>
            <Fact label={t("programmes.cycles")}>{format.number(programme.cycleCount)}</Fact>
          </SimpleGrid>
        </FormPanel>
        <FormPanel title={t("programmes.quotas")} description={t("programmes.quotasHelp")}>
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t("programmes.quotaWomen", {
                value: format.number(rules.minWomenShare, { style: "percent" }),
              })}
            </Badge>
            <Badge variant="light" tt="none">
              {t("programmes.quotaYouth", { value: format.number(rules.minYouth) })}
            </Badge>
            <Badge variant="light" tt="none">
              {t("programmes.quotaMinority", { value: format.number(rules.minEthnicMinorityWherePresent) })}
            </Badge>
          </Group>
        </FormPanel>
        <FormPanel title={t("programmes.targetCommunes", { count: programme.communes.length })}>
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {programme.communes.map((commune) => (
              <Text component="li" key={commune.code}>
                {format.name(commune)}{" "}
                <Text span size="sm" c="dimmed">
                  {[...commune.path]
                    .reverse()
                    .map((place) => format.name(place))
                    .join(" › ")}
                </Text>
              </Text>
            ))}
          </Stack>
        </FormPanel>
        <FormPanel title={t("programmes.indicators", { count: programme.indicatorIds.length })}>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {SECTORS.map((sector) => (
              <Paper key={sector} withBorder p="sm" radius="md">
                <SectorBadge code={sector} mb="xs" />
                <Stack gap={2} component="ol" m={0} pl="md">
                  {(indicators.data ?? [])
                    .filter((indicator) => indicator.sectorCode === sector && chosen.has(indicator.id))
                    .map((indicator) => (
                      <Text component="li" size="sm" key={indicator.id}>
                        {format.name(indicator)}
                      </Text>
                    ))}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </FormPanel>
      </Stack>
    </>
  );
}
