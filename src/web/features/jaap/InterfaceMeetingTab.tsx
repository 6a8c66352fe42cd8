import {
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useIsDesktop } from "../../components/useIsDesktop";
import { useFormat } from "../../i18n/format";
import {
  type Attendance,
  type JaapCycleBody,
  type MeetingView,
  useCycleActions,
  useMeeting,
  useSaveMeeting,
} from "./jaap.api";

const SIDES = ["citizens", "provider", "commune_council", "others"] as const;
const SEXES = ["female", "male"] as const;
const EMPTY: Attendance = {
  citizens: { female: 0, male: 0 },
  provider: { female: 0, male: 0 },
  commune_council: { female: 0, male: 0 },
  others: { female: 0, male: 0 },
};

/** The interface meeting: when, who came (by side and sex), notes, and its decisions as JAAP actions. */
export function InterfaceMeetingTab({
  summary,
  onAddDecision,
}: {
  summary: JaapCycleBody;
  onAddDecision: () => void;
}) {
  const { t } = useTranslation("jaap");
  const meeting = useMeeting(summary.cycle.id);
  if (meeting.error) return <ErrorAlert error={meeting.error} onRetry={() => meeting.refetch()} />;
  if (!meeting.data) return <Skeleton h={320} aria-busy="true" aria-label={t("common:states.loading")} />;
  return (
    <Stack gap="lg">
      <MeetingForm
        key={meeting.data.meeting?.version ?? 0}
        view={meeting.data}
        onReload={() => meeting.refetch()}
      />
      <Decisions summary={summary} onAddDecision={onAddDecision} />
    </Stack>
  );
}

function MeetingForm({ view, onReload }: { view: MeetingView; onReload: () => void }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const save = useSaveMeeting(view.cycleId);
  const desktop = useIsDesktop();
  const [heldOn, setHeldOn] = useState(view.meeting?.heldOn ?? "");
  const [attendance, setAttendance] = useState<Attendance>(view.meeting?.attendance ?? EMPTY);
  const [notes, setNotes] = useState(view.meeting?.notes ?? "");
  const [missingDate, setMissingDate] = useState(false);
  const editable = view.can.edit;

  const setCount = (side: (typeof SIDES)[number], sex: (typeof SEXES)[number], value: number | string) =>
    setAttendance((current) => ({
      ...current,
      [side]: { ...current[side], [sex]: Math.max(0, Math.floor(Number(value) || 0)) },
    }));
  const total = SIDES.reduce((sum, side) => sum + attendance[side].female + attendance[side].male, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!heldOn) {
      setMissingDate(true);
      return;
    }
    try {
      await save.mutateAsync({ heldOn, attendance, notes, version: view.meeting?.version });
      notifications.show({ color: "teal", message: t("meeting.saved") });
    } catch {
      // shown below
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      component="form"
      onSubmit={submit}
      aria-labelledby="meeting-title"
    >
      <Stack gap="md">
        <Title order={2} size="h4" id="meeting-title">
          {t("meeting.title")}
        </Title>
        {!view.meeting && (
          <Text c="dimmed" size="sm">
            {editable ? t("meeting.emptyEditable") : t("meeting.empty")}
          </Text>
        )}
        <TextInput
          type="date"
          label={t("meeting.heldOn")}
          value={heldOn}
          onChange={(event) => {
            setHeldOn(event.currentTarget.value);
            setMissingDate(false);
          }}
          error={
            missingDate
              ? t("form.required")
              : save.error && isApiError(save.error)
                ? save.error.fieldErrors.heldOn
                : undefined
          }
          readOnly={!editable}
          required
          maw={220}
        />
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={4}
          horizontalSpacing={6}
          aria-label={t("meeting.attendance")}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("meeting.side")}</Table.Th>
              <Table.Th>{t("sex.female")}</Table.Th>
              <Table.Th>{t("sex.male")}</Table.Th>
              {desktop && <Table.Th ta="end">{t("meeting.total")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SIDES.map((side) => (
              <Table.Tr key={side}>
                <Table.Th scope="row" fw={500} style={{ wordBreak: "break-word" }}>
                  {t(`side.${side}`)}
                </Table.Th>
                {SEXES.map((sex) => (
                  <Table.Td key={sex} miw={64}>
                    <NumberInput
                      aria-label={`${t(`side.${side}`)} – ${t(`sex.${sex}`)}`}
                      value={attendance[side][sex]}
                      onChange={(value) => setCount(side, sex, value)}
                      min={0}
                      max={100000}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      readOnly={!editable}
                      size="sm"
                    />
                  </Table.Td>
                ))}
                {desktop && (
                  <Table.Td ta="end">
                    {format.number(attendance[side].female + attendance[side].male)}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t("meeting.total")}</Table.Th>
              {SEXES.map((sex) => (
                <Table.Td key={sex} ta="end" pr="sm">
                  {format.number(SIDES.reduce((sum, side) => sum + attendance[side][sex], 0))}
                </Table.Td>
              ))}
              {desktop && (
                <Table.Td ta="end" fw={700}>
                  {format.number(total)}
                </Table.Td>
              )}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        <Text fw={700} role="status" data-testid="meeting-total">
          {t("meeting.totalPeople", { n: format.number(total) })}
        </Text>
        <Textarea
          label={t("meeting.notes")}
          description={t("meeting.notesHint")}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={8000}
          readOnly={!editable}
        />
        {save.error !== null && (
          <Stack gap="xs">
            <ErrorAlert error={save.error} withFieldErrors />
            {isApiError(save.error, "version_conflict") && (
              <Button variant="default" size="xs" onClick={onReload} w="fit-content">
                {t("form.reload")}
              </Button>
            )}
          </Stack>
        )}
        {editable && (
          <Group>
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            >
              {t("meeting.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The meeting's decisions: the actions marked as agreed there, and a way to add one. */
function Decisions({ summary, onAddDecision }: { summary: JaapCycleBody; onAddDecision: () => void }) {
  const { t } = useTranslation("jaap");
  const actions = useCycleActions(summary.cycle.id);
  const decisions = (actions.data?.items ?? []).filter((action) => action.fromInterfaceMeeting);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      component="section"
      aria-labelledby="decisions-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="decisions-title">
          {t("meeting.decisions")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("meeting.decisionsHint")}
        </Text>
        {actions.error ? (
          <ErrorAlert error={actions.error} onRetry={() => actions.refetch()} />
        ) : !actions.data ? (
          <Skeleton h={40} />
        ) : decisions.length === 0 ? (
          <Text size="sm">{t("meeting.noDecisions")}</Text>
        ) : (
          <List spacing={4}>
            {decisions.map((action) => (
              <List.Item key={action.id}>{action.title}</List.Item>
            ))}
          </List>
        )}
        {summary.can.facilitate && (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAddDecision}>
              {t("meeting.addDecision")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
