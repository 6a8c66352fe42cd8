import { Anchor, Button, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Timeline } from "@mantine/core";
import {
  IconChartBar,
  IconCheck,
  IconClipboardList,
  IconInfoCircle,
  IconScale,
  IconTargetArrow,
  IconUserCheck,
  IconWorld,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { CycleAssignment } from "./CycleAssignment";
import { type CycleBody, useCycle } from "./isaf.api";
import { LateBadge, SectorBadge, StepBadge } from "./labels";
import { StepCompletionForm } from "./StepCompletionForm";

/** /cycles/:id — one facility's cycle for a year: its steps, who did them, and links to each step's work. */
export function CyclePage() {
  const { id = "" } = useParams();
  const cycle = useCycle(id);
  if (cycle.error) return <ErrorAlert error={cycle.error} onRetry={() => cycle.refetch()} />;
  if (!cycle.data) return <Skeleton h={400} />;
  return <CycleOverview cycle={cycle.data} />;
}

function CycleOverview({ cycle }: { cycle: CycleBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const current = cycle.steps.findIndex((s) => !s.completedOn);
  const finished = current === -1;
  const links = [
    { to: `/cycles/${cycle.id}/i4c`, label: t("cycle.linkI4c"), icon: IconInfoCircle },
    {
      to: `/scorecards/cycle/${cycle.id}/community`,
      label: t("cycle.linkCommunity"),
      icon: IconClipboardList,
    },
    { to: `/scorecards/cycle/${cycle.id}/self`, label: t("cycle.linkSelf"), icon: IconUserCheck },
    { to: `/scorecards/cycle/${cycle.id}/comparison`, label: t("cycle.linkComparison"), icon: IconScale },
    { to: `/jaap/cycles/${cycle.id}`, label: t("cycle.linkJaap"), icon: IconTargetArrow },
    {
      to: `/dashboards?place=${cycle.communeCode}&sector=${cycle.sectorCode}&year=${cycle.year}`,
      label: t("cycle.linkDashboard"),
      icon: IconChartBar,
    },
    { to: `/public/facilities/${cycle.facility.id}`, label: t("cycle.linkPublic"), icon: IconWorld },
  ];

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/cycles?programme=${cycle.programme.id}`} size="sm">
            ‹ {t("cycles.title")} · {format.name(cycle.programme)}
          </Anchor>
        }
        title={t("cycle.title", {
          facility: format.name(cycle.facility),
          year: format.digits(String(cycle.year)),
        })}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <SectorBadge code={cycle.sectorCode} />
            <StepBadge step={cycle.step} />
            {cycle.late && <LateBadge />}
            <span>
              {[...cycle.facility.path]
                .reverse()
                .map((p) => format.name(p))
                .join(" › ")}
            </span>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <FormPanel title={t("cycle.steps")}>
            <Timeline
              active={finished ? cycle.steps.length - 1 : current - 1}
              bulletSize={24}
              lineWidth={2}
              aria-label={t("cycle.steps")}
            >
              {cycle.steps.map((step, index) => (
                <Timeline.Item
                  key={step.step}
                  bullet={step.completedOn ? <IconCheck size={14} aria-hidden /> : format.number(index + 1)}
                  title={
                    <Group gap="xs">
                      <Text fw={index === current ? 700 : 500}>{t(`steps.${step.step}`)}</Text>
                      {index === current && (
                        <Text size="sm" c="blue">
                          ({t("cycle.current")})
                        </Text>
                      )}
                    </Group>
                  }
                >
                  {step.completedOn ? (
                    <Text size="sm" c="dimmed">
                      {t("cycle.doneBy", {
                        date: format.date(step.completedOn),
                        name: step.completedBy?.displayName ?? "—",
                      })}
                      {step.note && (
                        <Text span display="block" c="dark">
                          {step.note}
                        </Text>
                      )}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("cycle.notYet")}
                    </Text>
                  )}
                  {index === current && cycle.abilities.includes("cycle:facilitate") && (
                    <StepCompletionForm cycle={cycle} />
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </FormPanel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <FormPanel title={t("cycle.work")}>
              <SimpleGrid cols={1} spacing={6}>
                {links.map((link) => (
                  <Button
                    key={link.to}
                    component={Link}
                    to={link.to}
                    variant="light"
                    justify="flex-start"
                    leftSection={<link.icon size={18} aria-hidden />}
                  >
                    {link.label}
                  </Button>
                ))}
              </SimpleGrid>
            </FormPanel>
            <CycleAssignment cycle={cycle} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
