import {
  Anchor,
  Button,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconChevronDown,
  IconChevronUp,
  IconPencil,
  IconProgressCheck,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { ActionBadges, StatusBadge } from "./JaapLabels";
import { type Action, photoUrl, useAction, useDropAction } from "./jaap.api";

interface ActionCardProps {
  action: Action;
  onEdit: () => void;
  onProgress: () => void;
}

/** One action of the plan: what, tied to which indicators, who, by when, its status and its updates. */
export function ActionCard({ action, onEdit, onProgress }: ActionCardProps) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const [opened, { toggle }] = useDisclosure(false);
  const titleId = `action-${action.id}`;
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p="sm"
      style={action.overdue ? { borderColor: "var(--mantine-color-red-6)", borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <ActionBadges
          status={action.status}
          overdue={action.overdue}
          fromMeeting={action.fromInterfaceMeeting}
        />
        <Title order={3} size="h5" id={titleId} style={{ overflowWrap: "anywhere" }}>
          {action.title}
        </Title>
        <Text size="sm" c="dimmed">
          {action.indicators.map((indicator) => `${indicator.code} ${format.name(indicator)}`).join(" · ")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4}>
          <Fact label={t("card.owner")}>
            {t(`party.${action.responsibleParty}`)}: {action.responsibleName}
            {action.responsibleUser && ` (${action.responsibleUser.displayName})`}
          </Fact>
          <Fact label={t("card.deadline")}>
            <Text
              span
              c={action.overdue ? "red.8" : undefined}
              fw={action.overdue ? 700 : undefined}
              size="sm"
            >
              {format.date(action.deadline)}
            </Text>
          </Fact>
          <Fact label={t("card.resources")}>
            {action.resourcesRiel === null
              ? t("card.none")
              : t("card.riel", { amount: format.number(action.resourcesRiel) })}
          </Fact>
          <Fact label={t("card.lastUpdate")}>
            {action.lastUpdateOn ? format.date(action.lastUpdateOn) : t("card.noUpdate")}
          </Fact>
        </SimpleGrid>
        {action.dropReason && (
          <Text size="sm">
            <Text span fw={600}>
              {t("card.dropReason")}:
            </Text>{" "}
            {action.dropReason}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {action.can.update && (
            <Button size="xs" leftSection={<IconProgressCheck size={14} aria-hidden />} onClick={onProgress}>
              {t("card.progress")}
            </Button>
          )}
          {action.can.edit && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
            >
              {t("card.edit")}
            </Button>
          )}
          {action.can.update && <DropButton action={action} />}
          <Button
            size="xs"
            variant="subtle"
            onClick={toggle}
            aria-expanded={opened}
            rightSection={
              opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
            }
          >
            {t("card.updates")}
          </Button>
        </Group>
        {opened && <Updates actionId={action.id} />}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

function DropButton({ action }: { action: Action }) {
  const { t } = useTranslation("jaap");
  const drop = useDropAction(action.id);
  const [reason, setReason] = useState("");
  return (
    <ConfirmButton
      size="xs"
      variant="outline"
      leftSection={<IconTrash size={14} aria-hidden />}
      title={t("drop.title")}
      message={t("drop.message", { title: action.title })}
      confirmLabel={t("drop.confirm")}
      canConfirm={reason.trim().length > 0}
      extra={
        <Textarea
          label={t("drop.reason")}
          description={t("drop.reasonHint")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
      }
      onConfirm={async () => {
        await drop.mutateAsync({ reason: reason.trim(), version: action.version });
        notifications.show({ color: "teal", message: t("drop.done") });
      }}
    >
      {t("drop.button")}
    </ConfirmButton>
  );
}

/** The action's progress updates, newest first, with their photos. */
function Updates({ actionId }: { actionId: string }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const detail = useAction(actionId);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
  if (!detail.data) return <Skeleton h={60} aria-label={t("common:states.loading")} />;
  if (detail.data.updates.length === 0) return <Text size="sm">{t("card.noUpdates")}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("card.updates")}>
      {detail.data.updates.map((update) => (
        <Stack
          key={update.id}
          component="li"
          gap={4}
          pl="sm"
          style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}
        >
          <Group gap="xs" wrap="wrap">
            <StatusBadge status={update.statusAfter} />
            <Text size="xs" c="dimmed">
              {format.dateTime(update.createdAt)}
              {update.by && ` · ${update.by.displayName}`}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {update.note}
          </Text>
          {update.photoIds.length > 0 && (
            <Group gap="xs">
              {update.photoIds.map((mediaId, index) => (
                <Anchor key={mediaId} href={photoUrl(actionId, mediaId)} target="_blank" rel="noopener">
                  <Image
                    src={photoUrl(actionId, mediaId)}
                    alt={t("card.photoAlt", { n: format.number(index + 1) })}
                    w={88}
                    h={88}
                    radius="sm"
                    fit="cover"
                  />
                </Anchor>
              ))}
            </Group>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
