import { Anchor, Breadcrumbs, Button, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { IconClipboardList, IconTargetArrow, IconUsersGroup } from "@tabler/icons-react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { ActionsTab } from "./ActionsTab";
import { CommitteeTab } from "./CommitteeTab";
import { InterfaceMeetingTab } from "./InterfaceMeetingTab";
import { type JaapCycleBody, useJaapCycle } from "./jaap.api";

const TABS = ["meeting", "actions", "committee"] as const;
type Tab = (typeof TABS)[number];

/** /jaap/cycles/:cycleId — the interface meeting, the JAAP and the monitoring committee of one cycle. */
export function JaapCyclePage() {
  const { cycleId = "" } = useParams();
  const { t } = useTranslation("jaap");
  const summary = useJaapCycle(cycleId);

  if (summary.error) {
    const missing = summary.error instanceof ApiError && [400, 404].includes(summary.error.status);
    return (
      <>
        <PageHeader title={t("page.title")} />
        {missing ? (
          <EmptyState title={t("page.notFoundTitle")} description={t("page.notFound")}>
            <Button component={Link} to="/cycles" variant="default">
              {t("page.toCycles")}
            </Button>
          </EmptyState>
        ) : (
          <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />
        )}
      </>
    );
  }
  if (!summary.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={20} w={200} />
        <Skeleton h={36} w={320} />
        <Skeleton h={300} />
      </Stack>
    );
  }
  return <CyclePage summary={summary.data} />;
}

function CyclePage({ summary }: { summary: JaapCycleBody }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : "meeting";
  const { cycle } = summary;

  const addHandled = useCallback(() => setParams({ tab: "actions" }, { replace: true }), [setParams]);
  const select = (next: string | null) => {
    if (!next) return;
    const copy = new URLSearchParams(params);
    copy.set("tab", next);
    copy.delete("add");
    setParams(copy, { replace: true });
  };

  return (
    <>
      <PageHeader
        above={
          <nav aria-label={t("page.breadcrumbs")}>
            <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
              <Anchor component={Link} to="/cycles" size="sm">
                {t("page.cycles")}
              </Anchor>
              <Anchor component={Link} to={`/cycles/${cycle.id}`} size="sm">
                {format.name(cycle.facility)} · {format.digits(String(cycle.year))}
              </Anchor>
              <Text size="sm" aria-current="page">
                {t("page.short")}
              </Text>
            </Breadcrumbs>
          </nav>
        }
        title={format.name(cycle.facility)}
        description={t("page.description", {
          year: format.digits(String(cycle.year)),
          sector: t(`sector.${cycle.sectorCode}`, { defaultValue: cycle.sectorCode }),
        })}
      />
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="meeting" leftSection={<IconClipboardList size={16} aria-hidden />}>
            {t("tabs.meeting")}
          </Tabs.Tab>
          <Tabs.Tab value="actions" leftSection={<IconTargetArrow size={16} aria-hidden />}>
            {t("tabs.actions")}
          </Tabs.Tab>
          <Tabs.Tab value="committee" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            {t("tabs.committee")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="meeting">
          <InterfaceMeetingTab
            summary={summary}
            onAddDecision={() => setParams({ tab: "actions", add: "meeting" })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsTab
            summary={summary}
            addFromMeeting={params.get("add") === "meeting"}
            onAddHandled={addHandled}
          />
        </Tabs.Panel>
        <Tabs.Panel value="committee">
          <CommitteeTab summary={summary} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
