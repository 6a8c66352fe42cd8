import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { uuidv7 } from "uuidv7";
import type { SyncCycle } from "../../../contracts/sync";
import { FEEDBACK_SECTORS, FEEDBACK_TOPICS } from "../../../domain/feedback/topics";
import { createTrackingCode } from "../../../domain/feedback/tracking-code";
import { NotFoundPage } from "../../app/shell";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { queueCommand, readRecord } from "../../offline/field-records";
import { syncSoon } from "../../offline/sync-engine";
import { TrackingCodeReceipt } from "../feedback/TrackingCodeBox";
import { BackToFieldWork } from "./BackToFieldWork";

/** A random digit from the browser's cryptographic generator, without modulo bias. */
function randomDigit(): number {
  const byte = new Uint8Array(1);
  do crypto.getRandomValues(byte);
  while (byte[0]! >= 250);
  return byte[0]! % 10;
}

type About = "facility" | "service" | "commune";

/**
 * /field/cycles/:cycleId/feedback — a citizen's message written down by the facilitator who met her,
 * with or without a network. The phone draws the tracking code at once, so that the sender leaves
 * with it; the message waits in the outbox (`feedback.write`) until the phone is online.
 */
export function FieldFeedbackPage() {
  const { cycleId = "" } = useParams();
  const cycle = useQuery({
    queryKey: ["field", "cycle", cycleId],
    queryFn: () => readRecord<SyncCycle>("cycle", cycleId),
  });
  const [code, setCode] = useState<string | null>(null);
  if (cycle.isPending) return null;
  if (!cycle.data) return <NotFoundPage />;
  return code ? (
    <CodeToGive code={code} onAnother={() => setCode(null)} />
  ) : (
    <WriteDownForm cycle={cycle.data} onWritten={setCode} />
  );
}

function WriteDownForm({ cycle, onWritten }: { cycle: SyncCycle; onWritten: (code: string) => void }) {
  const { t } = useTranslation("field");
  const format = useFormat();
  const [about, setAbout] = useState<About>("facility");
  const [sector, setSector] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [harm, setHarm] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const commune = cycle.path.at(-1);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (about === "service" && !sector) found.sector = t("feedback:form.required");
    if (!topic) found.topic = t("feedback:form.required");
    if (text.trim().length < 3) found.text = t("feedback:form.textShort");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const trackingCode = createTrackingCode(randomDigit);
      await queueCommand("feedback.write", uuidv7(), {
        communeCode: cycle.communeCode,
        sectorCode: about === "facility" ? cycle.sectorCode : about === "service" ? sector : null,
        facilityId: about === "facility" ? cycle.facility.id : null,
        topic,
        text: text.trim(),
        harm,
        trackingCode,
      });
      syncSoon();
      onWritten(trackingCode);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        above={<BackToFieldWork />}
        title={t("feedback.title")}
        description={commune ? format.name(commune) : undefined}
      />
      <form onSubmit={submit} aria-label={t("feedback.title")} noValidate>
        <Stack maw={640}>
          <Text size="sm">{t("feedback.intro")}</Text>
          <Radio.Group
            label={t("feedback:form.service")}
            value={about}
            onChange={(value) => setAbout(value as About)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="facility" label={format.name(cycle.facility)} />
              <Radio value="service" label={t("feedback.anotherService")} />
              <Radio value="commune" label={t("feedback.commune")} />
            </Stack>
          </Radio.Group>
          {about === "service" && (
            <Select
              label={t("feedback.whichService")}
              data={FEEDBACK_SECTORS.map((code) => ({
                value: code,
                label: t(`feedback:form.sectors.${code}`),
              }))}
              value={sector}
              onChange={(value) => {
                setSector(value);
                setErrors(({ sector: _, ...rest }) => rest);
              }}
              error={errors.sector}
              required
            />
          )}
          <Select
            label={t("feedback:form.topic")}
            data={FEEDBACK_TOPICS.map((code) => ({ value: code, label: t(`feedback:topics.${code}`) }))}
            value={topic}
            onChange={(value) => {
              setTopic(value);
              setErrors(({ topic: _, ...rest }) => rest);
            }}
            error={errors.topic}
            required
          />
          <Textarea
            label={t("feedback.text")}
            description={t("feedback.textHelp")}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setErrors(({ text: _, ...rest }) => rest);
            }}
            error={errors.text}
            autosize
            minRows={4}
            maxLength={2000}
            required
          />
          <Checkbox
            label={t("feedback:form.harm")}
            description={t("feedback:form.harmHelp")}
            checked={harm}
            onChange={(e) => setHarm(e.currentTarget.checked)}
            color="red"
          />
          {harm && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t("feedback:form.emergency")}
            </Alert>
          )}
          <Alert color="blue" variant="light">
            {t("feedback.offlineNote")}
          </Alert>
          {failure !== null && <ErrorAlert error={failure} />}
          <Button type="submit" size="md" loading={busy}>
            {t("feedback.save")}
          </Button>
        </Stack>
      </form>
    </>
  );
}

/** The code to give the sender, read aloud or written on a slip: her only way back to the answer. */
function CodeToGive({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useTranslation("field");
  return (
    <Stack maw={640} gap="md">
      <TrackingCodeReceipt title={t("feedback.savedTitle")} label={t("feedback.giveCode")} code={code} />
      <Text size="sm">{t("feedback.howToFollow")}</Text>
      <Group>
        <Button onClick={onAnother}>{t("feedback.another")}</Button>
        <Button component={Link} to="/field" variant="default">
          {t("feedback.back")}
        </Button>
      </Group>
    </Stack>
  );
}
