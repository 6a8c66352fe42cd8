import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { type Attendance, AttendanceGrid, emptyAttendance } from "./AttendanceGrid";
import {
  type CycleBody,
  type PackBody,
  type SessionBody,
  useDeleteSession,
  useSaveSession,
} from "./isaf.api";
import { todayIso } from "./labels";

/** Dissemination sessions of the I4C pack, with attendance by sex and age band. */
export function I4cSessions({ cycle, pack }: { cycle: CycleBody; pack: PackBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const [editing, setEditing] = useState<SessionBody | "new" | null>(null);
  const remove = useDeleteSession(cycle.id);
  return (
    <FormPanel title={t("sessions.title")} description={t("sessions.description")}>
      {pack.sessions.length === 0 && (
        <EmptyState title={t("sessions.emptyTitle")} description={t("sessions.empty")} />
      )}
      <Stack
        gap="xs"
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("sessions.title")}
      >
        {pack.sessions.map((session) => (
          <Paper component="li" key={session.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text fw={600}>{format.date(session.heldOn)}</Text>
                <Text size="sm" c="dimmed">
                  {session.village ? format.name(session.village) : t("sessions.noVillage")} ·{" "}
                  {t("sessions.total", { count: session.total, n: format.number(session.total) })}
                </Text>
                {session.notes && <Text size="sm">{session.notes}</Text>}
              </Stack>
              {pack.canEdit && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setEditing(session)}
                  >
                    {t("actions.edit")}
                  </Button>
                  <ConfirmButton
                    size="xs"
                    variant="light"
                    message={t("sessions.deleteConfirm", { date: format.date(session.heldOn) })}
                    onConfirm={() =>
                      remove.mutateAsync({ sessionId: session.id, updatedAt: session.updatedAt })
                    }
                  >
                    {t("actions.delete")}
                  </ConfirmButton>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {pack.canEdit && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            {t("sessions.add")}
          </Button>
        </Group>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("sessions.add") : t("sessions.edit")}
        size="lg"
        centered
      >
        {editing !== null && (
          <SessionForm
            cycle={cycle}
            session={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </FormPanel>
  );
}

function SessionForm({
  cycle,
  session,
  onDone,
}: {
  cycle: CycleBody;
  session: SessionBody | null;
  onDone: () => void;
}) {
  const { t } = useTranslation("isaf");
  const save = useSaveSession(cycle.id);
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? todayIso());
  const [village, setVillage] = useState<string | null>(session?.village?.code ?? null);
  const [attendance, setAttendance] = useState<Attendance>(session?.attendance ?? emptyAttendance());
  const [notes, setNotes] = useState(session?.notes ?? "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save
      .mutateAsync({
        heldOn,
        villageCode: village,
        attendance,
        notes,
        ...(session ? { sessionId: session.id, updatedAt: session.updatedAt } : {}),
      })
      .catch(() => null);
    if (saved) onDone();
  };

  return (
    <form onSubmit={submit} aria-label={session ? t("sessions.edit") : t("sessions.add")}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("sessions.heldOn")}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            required
          />
          <PlacePicker
            label={t("sessions.village")}
            level="village"
            within={cycle.communeCode}
            value={village}
            onChange={(code) => setVillage(code)}
          />
        </SimpleGrid>
        <AttendanceGrid value={attendance} onChange={setAttendance} />
        <Textarea
          label={t("sessions.notes")}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {save.error !== null && <ErrorAlert error={save.error} withFieldErrors />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
