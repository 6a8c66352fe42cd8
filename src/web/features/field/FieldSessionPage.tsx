import { Alert, Button, FileInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCamera } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { uuidv7 } from "uuidv7";
import type { PlaceSummary } from "../../../contracts/places";
import type { SyncCycle } from "../../../contracts/sync";
import { villagesUrl } from "../../api/reference-urls";
import { NotFoundPage } from "../../app/shell";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { queueCommand, readRecord } from "../../offline/field-records";
import { referenceGet } from "../../offline/field-references";
import { queueUpload } from "../../offline/field-uploads";
import { syncSoon } from "../../offline/sync-engine";
import { type Attendance, AttendanceGrid, emptyAttendance } from "../isaf/AttendanceGrid";
import { todayIso } from "../isaf/labels";
import { BackToFieldWork } from "./BackToFieldWork";

/**
 * /field/cycles/:cycleId/session — an outreach (I4C dissemination) session recorded on the phone,
 * with or without a network: date, village, who came by sex and age, notes and a photo of the
 * attendance sheet. It is queued as a command; the photo is uploaded in chunks and linked after.
 */
export function FieldSessionPage() {
  const { cycleId = "" } = useParams();
  const cycle = useQuery({
    queryKey: ["field", "cycle", cycleId],
    queryFn: () => readRecord<SyncCycle>("cycle", cycleId),
  });
  if (cycle.isPending) return null;
  if (!cycle.data) return <NotFoundPage />;
  return <SessionForm cycle={cycle.data} />;
}

function SessionForm({ cycle }: { cycle: SyncCycle }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const navigate = useNavigate();
  const villages = useQuery({
    queryKey: ["places", "children", cycle.communeCode],
    queryFn: ({ signal }) => referenceGet<{ items: PlaceSummary[] }>(villagesUrl(cycle.communeCode), signal),
    staleTime: 60 * 60_000,
  });
  const [heldOn, setHeldOn] = useState(todayIso());
  const [villageCode, setVillageCode] = useState<string | null>(null);
  const [attendance, setAttendance] = useState<Attendance>(emptyAttendance());
  const [notes, setNotes] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dateError, setDateError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!heldOn || heldOn > todayIso()) return setDateError(t("session.dateInvalid"));
    setBusy(true);
    setError(null);
    try {
      const sessionId = uuidv7();
      await queueCommand("i4c.recordSession", sessionId, {
        cycleId: cycle.id,
        heldOn,
        villageCode,
        attendance,
        notes: notes.trim() || null,
      });
      if (photo) await queueUpload(sessionId, photo, "i4c.attachSessionPhoto", { cycleId: cycle.id });
      syncSoon();
      notifications.show({ color: "teal", message: t("session.saved") });
      navigate("/field");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        above={<BackToFieldWork />}
        title={t("session.title")}
        description={`${format.name(cycle.facility)} · ${t("work.year", { year: format.digits(String(cycle.year)) })}`}
      />
      <form onSubmit={submit} aria-label={t("session.title")} noValidate>
        <Stack maw={640}>
          <TextInput
            type="date"
            label={t("isaf:sessions.heldOn")}
            value={heldOn}
            max={todayIso()}
            onChange={(e) => {
              setHeldOn(e.currentTarget.value);
              setDateError(null);
            }}
            error={dateError}
            required
          />
          <Select
            label={t("isaf:sessions.village")}
            placeholder={t("isaf:sessions.noVillage")}
            data={(villages.data?.items ?? []).map((village) => ({
              value: village.code,
              label: format.name(village),
            }))}
            value={villageCode}
            onChange={setVillageCode}
            searchable
            clearable
          />
          <AttendanceGrid value={attendance} onChange={setAttendance} />
          <Textarea
            label={t("isaf:sessions.notes")}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <FileInput
            label={t("session.photo")}
            description={t("session.photoHelp")}
            accept="image/jpeg,image/png,image/webp"
            leftSection={<IconCamera size={18} aria-hidden />}
            value={photo}
            onChange={setPhoto}
            clearable
          />
          <Alert color="blue" variant="light">
            {t("session.offlineNote")}
          </Alert>
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" size="md" loading={busy}>
            {t("session.save")}
          </Button>
        </Stack>
      </form>
    </>
  );
}
