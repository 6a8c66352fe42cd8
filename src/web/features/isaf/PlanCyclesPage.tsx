import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useOrganisations } from "../admin/admin.api";
import { type ProgrammeBody, usePlan, usePlanCycles, useProgramme } from "./isaf.api";
import { SectorBadge, StepBadge } from "./labels";

/** /programmes/:id/plan — this year's cycles for the programme's target facilities, planned in one go. */
export function PlanCyclesPage() {
  const { id = "" } = useParams();
  const programme = useProgramme(id);
  if (programme.error) return <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />;
  if (!programme.data) return <Skeleton h={320} />;
  return <PlanForm programme={programme.data} />;
}

function PlanForm({ programme }: { programme: ProgrammeBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const initialYear = Math.min(Math.max(thisYear, programme.startYear), programme.endYear);
  const [year, setYear] = useState(initialYear);
  const plan = usePlan(programme.id, year);
  const organisations = useOrganisations();
  const save = usePlanCycles(programme.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState("");
  const [ngo, setNgo] = useState<string | null>(programme.leadOrganisation?.id ?? null);
  const [facilitators, setFacilitators] = useState<string[]>([]);
  const facilities = plan.data?.facilities ?? [];
  const free = facilities.filter((f) => !f.existingCycle);
  // Every target facility has its cycle this year: nothing to plan, so say how to get more to plan.
  const allPlanned = facilities.length > 0 && free.length === 0;
  const communes = useMemo(
    () => new Set(facilities.filter((f) => chosen.includes(f.id)).map((f) => f.commune.code)),
    [facilities, chosen],
  );
  const eligible = (plan.data?.facilitators ?? []).filter((f) =>
    [...communes].every((c) => f.communeCodes.includes(c)),
  );
  const years = [];
  for (let y = programme.startYear; y <= programme.endYear; y++)
    years.push({ value: String(y), label: format.digits(String(y)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save
      .mutateAsync({
        year,
        facilityIds: chosen,
        plannedMeetingOn: date || null,
        ngoOrganisationId: ngo,
        facilitatorIds: facilitators.filter((f) => eligible.some((e) => e.id === f)),
      })
      .catch(() => null);
    if (done) navigate(`/cycles?programme=${programme.id}&year=${year}`);
  };

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/programmes/${programme.id}`} size="sm">
            ‹ {format.name(programme)}
          </Anchor>
        }
        title={t("plan.title")}
        description={t("plan.description")}
      />
      <form onSubmit={submit} aria-label={t("plan.title")} noValidate>
        <Stack gap="lg">
          <Select
            label={t("plan.year")}
            data={years}
            value={String(year)}
            onChange={(value) => {
              setYear(Number(value ?? initialYear));
              setChosen([]);
            }}
            allowDeselect={false}
            maw={200}
          />
          <FormPanel
            title={t("plan.facilities")}
            description={t("plan.facilitiesHelp", { count: free.length })}
          >
            {plan.error && <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />}
            {!plan.data && !plan.error && <Skeleton h={120} />}
            {plan.data && facilities.length === 0 && <Alert color="gray">{t("plan.none")}</Alert>}
            {allPlanned && (
              <Alert color="blue" title={t("plan.allPlannedTitle", { year: format.digits(String(year)) })}>
                <Text size="sm">{t("plan.allPlanned")}</Text>
                <Anchor component={Link} to={`/programmes/${programme.id}`} size="sm">
                  {t("plan.openProgramme")}
                </Anchor>
              </Alert>
            )}
            {free.length > 0 && (
              <Checkbox
                label={t("plan.chooseAll")}
                checked={chosen.length === free.length}
                indeterminate={chosen.length > 0 && chosen.length < free.length}
                onChange={(e) => setChosen(e.currentTarget.checked ? free.map((f) => f.id) : [])}
              />
            )}
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {facilities.map((facility) => (
                <Paper component="li" key={facility.id} withBorder p="xs" radius="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Checkbox
                      disabled={!!facility.existingCycle}
                      checked={chosen.includes(facility.id)}
                      onChange={(e) =>
                        setChosen(
                          e.currentTarget.checked
                            ? [...chosen, facility.id]
                            : chosen.filter((c) => c !== facility.id),
                        )
                      }
                      label={
                        <Stack gap={0}>
                          <Text fw={600}>{format.name(facility)}</Text>
                          <Text size="sm" c="dimmed">
                            {format.name(facility.commune)} ·{" "}
                            <Text span ff="monospace">
                              {facility.code}
                            </Text>
                          </Text>
                        </Stack>
                      }
                    />
                    <Group gap="xs">
                      <SectorBadge code={facility.kindCode} />
                      {facility.existingCycle && (
                        <Anchor component={Link} to={`/cycles/${facility.existingCycle.id}`} size="sm">
                          {t("plan.hasCycle")} <StepBadge step={facility.existingCycle.step} />
                        </Anchor>
                      )}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
            {save.error !== null && <ErrorAlert error={save.error} withFieldErrors />}
          </FormPanel>
          {!allPlanned && (
            <FormPanel title={t("plan.details")}>
              <TextInput
                type="date"
                label={t("cycles.plannedMeetingOn")}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                maw={260}
              />
              <Select
                label={t("cycles.ngo")}
                data={(organisations.data ?? []).map((o) => ({ value: o.id, label: format.name(o) }))}
                value={ngo}
                onChange={setNgo}
                searchable
                clearable
              />
              <MultiSelect
                label={t("cycles.facilitators")}
                description={t("plan.facilitatorsHelp")}
                data={eligible.map((f) => ({ value: f.id, label: f.displayName }))}
                value={facilitators.filter((f) => eligible.some((e) => e.id === f))}
                onChange={setFacilitators}
                searchable
                clearable
                nothingFoundMessage={t("plan.noFacilitators")}
              />
            </FormPanel>
          )}
          {!allPlanned && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={chosen.length === 0}>
                {chosen.length === 0
                  ? t("plan.chooseFirst")
                  : t("plan.submit", { count: chosen.length, n: format.number(chosen.length) })}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
