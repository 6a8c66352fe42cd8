import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconCloudDownload, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useFieldState } from "../../offline/field-store";
import { useCan } from "../auth/session";
import { STATUS_COLOURS } from "../scorecards/scorecards.labels";
import {
  type HeldCycle,
  type QueuedFeedback,
  type QueuedSession,
  useHeldWork,
  useOutbox,
  useQueuedFeedback,
  useQueuedSessions,
} from "./field.api";
import { StorageNote } from "./StorageNote";
import { SyncButton, SyncSummary } from "./SyncSummary";

/** /field — the work downloaded to this phone, cycle by cycle, and whether it has all been sent. */
export function FieldWorkPage() {
  const { t } = useTranslation("field");
  const field = useFieldState();
  if (field.status !== "open") {
    return (
      <>
        <PageHeader title={t("work.title")} />
        <EmptyState
          icon={<IconLock aria-hidden size={28} />}
          title={t("work.noStore")}
          description={t("work.noStoreHelp")}
        />
      </>
    );
  }
  return <FieldWork />;
}

function FieldWork() {
  const { t } = useTranslation("field");
  const work = useHeldWork();
  const outbox = useOutbox();
  const sessions = useQueuedSessions() ?? [];
  const waiting = (recordId: string) => (outbox ?? []).filter((entry) => entry.recordId === recordId).length;
  return (
    <>
      <PageHeader title={t("work.title")} description={t("work.description")} />
      <Stack>
        <SyncSummary />
        <StorageNote compact />
        <QueuedFeedbackList />
        {work === undefined ? (
          <Stack aria-busy="true" aria-label={t("common:states.loading")}>
            <Skeleton h={120} />
            <Skeleton h={120} />
          </Stack>
        ) : work.length === 0 ? (
          <EmptyState
            icon={<IconCloudDownload aria-hidden size={28} />}
            title={t("work.empty")}
            description={t("work.emptyHelp")}
          >
            <SyncButton label={t("work.download")} />
          </EmptyState>
        ) : (
          work.map((held) => (
            <CycleCard
              key={held.cycle.id}
              held={held}
              waiting={waiting}
              sessions={sessions.filter((session) => session.cycleId === held.cycle.id)}
            />
          ))
        )}
      </Stack>
    </>
  );
}

function CycleCard({
  held,
  waiting,
  sessions,
}: {
  held: HeldCycle;
  waiting: (recordId: string) => number;
  sessions: QueuedSession[];
}) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const can = useCan();
  const { cycle, cards } = held;
  const titleId = `cycle-${cycle.id}`;
  const kinds = (["community", "self"] as const).filter((kind) => !cards.some((card) => card.kind === kind));
  const mayStart = (kind: "community" | "self") =>
    kind === "community" ? cycle.can.createCommunity : cycle.can.createSelf;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="sm">
      <Stack gap="xs">
        <div>
          <Title order={2} fz="h4" id={titleId}>
            {format.name(cycle.facility)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`isaf:sectors.${cycle.sectorCode}`)} ·{" "}
            {t("work.year", { year: format.digits(String(cycle.year)) })}
          </Text>
          <Text size="sm" c="dimmed">
            {cycle.path.map((place) => format.name(place)).join(" › ")}
          </Text>
        </div>
        {cards.length === 0 && <Text size="sm">{t("work.noCards")}</Text>}
        {cards.map((card) => (
          <Group key={card.id} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={`/scorecards/${card.id}`} fw={500}>
                {t(`scorecards:kind.${card.kind}`)}
              </Anchor>
              <Group gap={6}>
                <Badge color={STATUS_COLOURS[card.status]} variant="light">
                  {t(`scorecards:status.${card.status}`)}
                </Badge>
                {waiting(card.id) > 0 && (
                  <Badge color="yellow" variant="light">
                    {t("work.waiting", { n: format.number(waiting(card.id)) })}
                  </Badge>
                )}
              </Group>
            </Stack>
            <Button component={Link} to={`/scorecards/${card.id}`} variant="light" size="sm">
              {t("work.open")}
            </Button>
          </Group>
        ))}
        {sessions.length > 0 && (
          <Stack gap={2} component="section" aria-label={t("session.queued")}>
            <Text size="sm" fw={500}>
              {t("session.queued")}
            </Text>
            {sessions.map((session) => (
              <Text size="sm" key={session.id}>
                {t("session.queuedItem", {
                  date: format.date(session.heldOn),
                  people: t("isaf:sessions.total", { count: session.total, n: format.number(session.total) }),
                })}
                {session.photoWaiting && ` · ${t("session.photoWaiting")}`}
              </Text>
            ))}
          </Stack>
        )}
        <Button component={Link} to={`/field/cycles/${cycle.id}/session`} variant="default">
          {t("session.record")}
        </Button>
        {can("feedback:write") && (
          <Button component={Link} to={`/field/cycles/${cycle.id}/feedback`} variant="default">
            {t("feedback.record")}
          </Button>
        )}
        {kinds.filter(mayStart).map((kind) => (
          <Button key={kind} component={Link} to={`/scorecards/cycle/${cycle.id}/${kind}`} variant="default">
            {t(`work.start.${kind}`)}
          </Button>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * Citizens' messages written down here and not yet stored, with their codes (to give again if asked);
 * a refused one shows why, and its words, to pass on by other means.
 */
function QueuedFeedbackList() {
  const { t } = useTranslation("field");
  const format = useFormat();
  const queued = useQueuedFeedback() ?? [];
  if (queued.length === 0) return null;
  const codeOf = (message: QueuedFeedback) => format.digits(formatTrackingCode(message.trackingCode));
  return (
    <Card withBorder component="section" aria-label={t("feedback.queued")} padding="sm">
      <Text size="sm" fw={500}>
        {t("feedback.queued")}
      </Text>
      {queued.map((message) =>
        message.refusal === null ? (
          <Text size="sm" key={message.id}>
            {t("feedback.queuedItem", { code: codeOf(message) })}
          </Text>
        ) : (
          <Stack gap={2} key={message.id} mt="xs">
            <Text size="sm" c="red.8">
              {t("feedback.refused", { code: codeOf(message), reason: message.refusal })}
            </Text>
            <Text size="sm" c="dimmed">
              “{message.text}”
            </Text>
          </Stack>
        ),
      )}
    </Card>
  );
}
