import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { useIsDesktop } from "../../components/useIsDesktop";
import { useFormat } from "../../i18n/format";
import { ActionCard } from "./ActionCard";
import { ActionForm } from "./ActionForm";
import { type Action, type JaapCycleBody, useCreateAction, useCycleActions, useEditAction } from "./jaap.api";
import { ProgressForm } from "./ProgressForm";

type Dialog =
  | { kind: "add"; fromMeeting: boolean }
  | { kind: "edit"; action: Action }
  | { kind: "progress"; action: Action };

interface ActionsTabProps {
  summary: JaapCycleBody;
  /** Open the add form for a decision of the interface meeting (from the meeting tab). */
  addFromMeeting: boolean;
  onAddHandled: () => void;
}

/** The cycle's action plan: its actions, adding and editing them, and reporting progress. */
export function ActionsTab({ summary, addFromMeeting, onAddHandled }: ActionsTabProps) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const desktop = useIsDesktop();
  const actions = useCycleActions(summary.cycle.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  useEffect(() => {
    if (addFromMeeting && summary.can.facilitate) {
      setDialog({ kind: "add", fromMeeting: true });
      onAddHandled();
    }
  }, [addFromMeeting, summary.can.facilitate, onAddHandled]);

  const items = actions.data?.items ?? [];
  const done = items.filter((action) => action.status === "done").length;
  const overdue = items.filter((action) => action.overdue).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text role="status" size="sm" c="dimmed">
          {actions.data &&
            t("actions.summary", {
              total: format.number(items.length),
              done: format.number(done),
              overdue: format.number(overdue),
            })}
        </Text>
        {summary.can.facilitate && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: "add", fromMeeting: false })}
          >
            {t("actions.add")}
          </Button>
        )}
      </Group>
      <ListStates
        query={actions}
        rowHeight={120}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={t("actions.emptyTitle")} description={t("actions.empty")}>
            {summary.can.facilitate && (
              <Button onClick={() => setDialog({ kind: "add", fromMeeting: true })}>
                {t("actions.addFirst")}
              </Button>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="sm">
            {data.items.map((action) => (
              <ActionCard
                key={action.id}
                action={action}
                onEdit={() => setDialog({ kind: "edit", action })}
                onProgress={() => setDialog({ kind: "progress", action })}
              />
            ))}
          </Stack>
        )}
      </ListStates>
      <Modal
        opened={dialog !== null}
        onClose={close}
        fullScreen={!desktop}
        size="lg"
        title={
          dialog?.kind === "add"
            ? t(dialog.fromMeeting ? "actions.addDecisionTitle" : "actions.addTitle")
            : dialog?.kind === "edit"
              ? t("actions.editTitle")
              : t("progress.title")
        }
      >
        {dialog?.kind === "add" && (
          <AddAction summary={summary} fromMeeting={dialog.fromMeeting} onClose={close} />
        )}
        {dialog?.kind === "edit" && <EditAction summary={summary} action={dialog.action} onClose={close} />}
        {dialog?.kind === "progress" && (
          <ProgressForm
            action={dialog.action}
            onCancel={close}
            onDone={() => {
              notifications.show({ color: "teal", message: t("progress.saved") });
              close();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function AddAction({
  summary,
  fromMeeting,
  onClose,
}: {
  summary: JaapCycleBody;
  fromMeeting: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("jaap");
  const create = useCreateAction(summary.cycle.id);
  return (
    <ActionForm
      summary={summary}
      fromMeeting={fromMeeting}
      onCancel={onClose}
      onSubmit={async (input) => {
        await create.mutateAsync(input);
        notifications.show({ color: "teal", message: t("actions.added") });
        onClose();
      }}
    />
  );
}

function EditAction({
  summary,
  action,
  onClose,
}: {
  summary: JaapCycleBody;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation("jaap");
  const edit = useEditAction(action.id);
  return (
    <ActionForm
      summary={summary}
      action={action}
      onCancel={onClose}
      onSubmit={async (input) => {
        await edit.mutateAsync({ ...input, version: action.version });
        notifications.show({ color: "teal", message: t("actions.saved") });
        onClose();
      }}
    />
  );
}
