import { Alert, Anchor, Group, ScrollArea, SegmentedControl, Stack, Tabs } from "@mantine/core";
import { IconShieldLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { useCan } from "../auth/session";
import { ExportMessages } from "./ExportMessages";
import { FeedbackCard } from "./FeedbackCard";
import { type Queue, type QueueFilter, useFeedbackList } from "./feedback.api";

/**
 * /feedback — citizens' messages of the user's area, newest first, to answer before the due date.
 * Child-protection staff have a second queue with the reports of harm to a child, which nobody else
 * sees; each queue shows only when the user holds its ability.
 */
export function FeedbackQueuePage() {
  const { t } = useTranslation("feedback");
  const can = useCan();
  const queues = (["general", "restricted"] as const).filter((queue) =>
    can(queue === "general" ? "feedback:read" : "feedback:restricted"),
  );
  const [queue, setQueue] = useState<Queue>(queues[0] ?? "general");
  const [filter, setFilter] = useState<QueueFilter>("all");
  // A service provider reads only the messages about the facilities she runs.
  const ownFacilities = can("feedback:own-facilities");
  return (
    <>
      <PageHeader
        title={t("queue.title")}
        description={t(ownFacilities ? "queue.descriptionFacilities" : "queue.description")}
        actions={
          <Group gap="md">
            <Anchor component={Link} to="/public/feedback/figures">
              {t("figures.link")}
            </Anchor>
            {queues.length > 0 && <ExportMessages queue={queue} />}
          </Group>
        }
      />
      <Tabs value={queue} onChange={(value) => setQueue(value as Queue)} mb="md">
        <Tabs.List>
          {queues.map((entry) => (
            <Tabs.Tab
              key={entry}
              value={entry}
              leftSection={entry === "restricted" ? <IconShieldLock size={16} aria-hidden /> : undefined}
            >
              {t(`queue.${entry}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {queue === "restricted" && (
        <Alert color="red" variant="light" mb="md" icon={<IconShieldLock aria-hidden />}>
          {t("queue.restrictedHelp")}
        </Alert>
      )}
      <ScrollArea type="auto" mb="md" offsetScrollbars>
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(value as QueueFilter)}
          aria-label={t("queue.show")}
          data={[
            { value: "all", label: t("queue.all") },
            { value: "mine", label: t("queue.mine") },
            { value: "received", label: t("queue.filters.received") },
            { value: "escalated", label: t("queue.filters.escalated") },
            { value: "answered", label: t("queue.filters.answered") },
          ]}
        />
      </ScrollArea>
      <QueueList queue={queue} filter={filter} ownFacilities={ownFacilities} />
    </>
  );
}

function QueueList({
  queue,
  filter,
  ownFacilities,
}: {
  queue: Queue;
  filter: QueueFilter;
  ownFacilities: boolean;
}) {
  const { t } = useTranslation("feedback");
  const list = useFeedbackList(queue, filter);
  return (
    <ListStates
      query={list}
      rowHeight={180}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState
          title={t("queue.empty")}
          description={t(ownFacilities ? "queue.emptyHelpFacilities" : "queue.emptyHelp")}
        />
      }
    >
      {(data) => (
        <Stack
          component="ul"
          gap="md"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t(`queue.${queue}`)}
        >
          {data.items.map((item) => (
            <FeedbackCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </ListStates>
  );
}
