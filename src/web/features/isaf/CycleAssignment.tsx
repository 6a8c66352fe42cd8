import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { useFormat } from "../../i18n/format";
import { useOrganisations } from "../admin/admin.api";
import { type CycleBody, usePlan, useUpdateCycle } from "./isaf.api";

/** Who runs the cycle (NGO, facilitators) and when the meeting is planned; planners change it. */
export function CycleAssignment({ cycle }: { cycle: CycleBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <FormPanel title={t("cycle.assignment")}>
      <Stack gap={6}>
        <Text size="sm">
          <b>{t("cycles.ngo")}:</b> {cycle.ngoOrganisation ? format.name(cycle.ngoOrganisation) : "—"}
        </Text>
        <Text size="sm">
          <b>{t("cycles.facilitators")}:</b> {cycle.facilitators.map((f) => f.displayName).join(", ") || "—"}
        </Text>
        <Text size="sm">
          <b>{t("cycles.plannedMeetingOn")}:</b>{" "}
          {cycle.plannedMeetingOn ? format.date(cycle.plannedMeetingOn) : "—"}
        </Text>
      </Stack>
      {cycle.abilities.includes("cycle:plan") && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={open}
          >
            {t("cycle.editAssignment")}
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={close} title={t("cycle.editAssignment")} centered>
        {opened && <AssignmentForm cycle={cycle} onDone={close} />}
      </Modal>
    </FormPanel>
  );
}

function AssignmentForm({ cycle, onDone }: { cycle: CycleBody; onDone: () => void }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const organisations = useOrganisations();
  const plan = usePlan(cycle.programme.id, cycle.year);
  const update = useUpdateCycle(cycle.id);
  const [date, setDate] = useState(cycle.plannedMeetingOn ?? "");
  const [ngo, setNgo] = useState<string | null>(cycle.ngoOrganisation?.id ?? null);
  const [people, setPeople] = useState(cycle.facilitators.map((f) => f.id));
  const eligible = (plan.data?.facilitators ?? []).filter((f) => f.communeCodes.includes(cycle.communeCode));
  const options = [
    ...eligible.map((f) => ({ value: f.id, label: f.displayName })),
    ...cycle.facilitators
      .filter((f) => !eligible.some((e) => e.id === f.id))
      .map((f) => ({ value: f.id, label: f.displayName })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await update
      .mutateAsync({
        plannedMeetingOn: date || null,
        ngoOrganisationId: ngo,
        facilitatorIds: people,
        version: cycle.version,
      })
      .catch(() => null);
    if (saved) onDone();
  };

  return (
    <form onSubmit={submit} aria-label={t("cycle.editAssignment")}>
      <Stack>
        <TextInput
          type="date"
          label={t("cycles.plannedMeetingOn")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Select
          label={t("cycles.ngo")}
          data={(organisations.data ?? []).map((o) => ({ value: o.id, label: format.name(o) }))}
          value={ngo}
          onChange={setNgo}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t("cycles.facilitators")}
          data={options}
          value={people}
          onChange={setPeople}
          searchable
          clearable
        />
        {update.error !== null && <ErrorAlert error={update.error} withFieldErrors />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
