import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  Input,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconSend } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_SECTORS, FEEDBACK_TOPICS } from "../../../domain/feedback/topics";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { PublicFrame } from "../public/PublicFrame";
import { type Submitted, useFeedbackSms, usePublicFacilities, useSubmitFeedback } from "./feedback.api";
import { NO_PLACE, type PlacePath, PlacePicker } from "./PlacePicker";
import { SubmittedCard } from "./SubmittedCard";

type Sector = (typeof FEEDBACK_SECTORS)[number] | "none";
/** The fields that show the server's field errors themselves; any other problem shows above the button. */
const FORM_FIELDS = ["communeCode", "sectorCode", "facilityId", "topic", "text", "contactPhone"];

/**
 * /public/feedback — a citizen, often a child on a shared phone, writes to the commune without signing
 * in: where (province, district, commune), which service, a topic, the message, and whether a child
 * is being hurt. No name is asked. The answer is the tracking code, once the message is stored.
 */
export function PublicFeedbackPage() {
  const { t } = useTranslation("feedback");
  usePageTitle(t("form.title"));
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  return (
    <PublicFrame>
      {submitted ? (
        <SubmittedCard submitted={submitted} onAnother={() => setSubmitted(null)} />
      ) : (
        <FeedbackForm onSubmitted={setSubmitted} />
      )}
    </PublicFrame>
  );
}

function FeedbackForm({ onSubmitted }: { onSubmitted: (submitted: Submitted) => void }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const submit = useSubmitFeedback();
  const [where, setWhere] = useState<PlacePath>(NO_PLACE);
  const commune = where.commune;
  const [sector, setSector] = useState<Sector | null>(null);
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [harm, setHarm] = useState(false);
  const [website, setWebsite] = useState("");
  const [phone, setPhone] = useState("");
  const sms = useFeedbackSms();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const sectorCode = sector && sector !== "none" ? sector : null;
  const facilities = usePublicFacilities(commune, sectorCode);
  const serverErrors = isApiError(submit.error) ? submit.error.fieldErrors : {};
  const errorOf = (field: string) => errors[field] ?? serverErrors[field];

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!commune) found.communeCode = t("form.required");
    if (!sector) found.sectorCode = t("form.required");
    if (!topic) found.topic = t("form.required");
    if (text.trim().length < 3) found.text = t("form.textShort");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    submit.mutate(
      {
        communeCode: commune!,
        sectorCode,
        facilityId,
        topic: topic as never,
        text: text.trim(),
        harm,
        contactPhone: phone.trim() || null,
        website,
      },
      { onSuccess: onSubmitted },
    );
  };

  return (
    <form onSubmit={send} noValidate aria-labelledby="feedback-title">
      <Stack maw={640} gap="md">
        <Title order={1} id="feedback-title" fz="h2">
          {t("form.title")}
        </Title>
        <Text>{t("form.intro")}</Text>
        <PlacePicker
          value={where}
          onChange={(next) => {
            setWhere(next);
            if (next.commune !== where.commune) setFacilityId(null);
          }}
          placeholders={{ province: t("form.choose"), below: t("form.choose") }}
          communeError={errorOf("communeCode")}
          required
        />
        <Stack gap={4}>
          {/* Required, marked as the other fields are (a red asterisk, and to screen readers). */}
          <Input.Label required id="sector-label">
            {t("form.service")}
          </Input.Label>
          <Chip.Group
            value={sector}
            onChange={(value) => {
              setSector(value as Sector);
              setFacilityId(null);
            }}
          >
            <Group gap="xs" role="radiogroup" aria-labelledby="sector-label" aria-required>
              {[...FEEDBACK_SECTORS, "none" as const].map((value) => (
                <Chip key={value} value={value} size="md" radius="sm">
                  {t(`form.sectors.${value}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errorOf("sectorCode") && (
            <Text size="sm" c="red" role="alert">
              {errorOf("sectorCode")}
            </Text>
          )}
        </Stack>
        {sectorCode && commune && (
          <Select
            label={t("form.facility")}
            placeholder={t("form.facilityNone")}
            data={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: format.name(f) }))}
            value={facilityId}
            onChange={setFacilityId}
            error={errorOf("facilityId")}
            clearable
          />
        )}
        <Stack gap={4}>
          {/* Required, marked as the other fields are (a red asterisk, and to screen readers). */}
          <Input.Label required id="topic-label">
            {t("form.topic")}
          </Input.Label>
          <Chip.Group value={topic} onChange={(value) => setTopic(value as string)}>
            <Group gap="xs" role="radiogroup" aria-labelledby="topic-label" aria-required>
              {FEEDBACK_TOPICS.map((value) => (
                <Chip key={value} value={value} size="md" radius="sm">
                  {t(`topics.${value}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errorOf("topic") && (
            <Text size="sm" c="red" role="alert">
              {errorOf("topic")}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t("form.text")}
          description={t("form.textHelp")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errorOf("text")}
          maxLength={2000}
          autosize
          minRows={4}
          required
        />
        <Paper withBorder p="sm" radius="md" bg={harm ? "red.0" : undefined}>
          <Checkbox
            label={t("form.harm")}
            description={t("form.harmHelp")}
            checked={harm}
            onChange={(event) => setHarm(event.currentTarget.checked)}
            size="md"
          />
        </Paper>
        {harm && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t("form.emergency")}
          </Alert>
        )}
        {sms.data?.available && (
          <TextInput
            label={t("form.phone")}
            description={t("form.phoneHelp")}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(event) => {
              setPhone(event.currentTarget.value);
              // The server's "not a number" no longer speaks of what is typed now.
              if (serverErrors.contactPhone) submit.reset();
            }}
            error={errorOf("contactPhone")}
            maxLength={30}
          />
        )}
        {/* People never see this field; robots that fill every field in are refused. */}
        <div
          aria-hidden="true"
          style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
        >
          <label>
            Website
            <input
              type="text"
              name="website"
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(event) => setWebsite(event.currentTarget.value)}
            />
          </label>
        </div>
        <Text size="sm" c="dimmed">
          {t("form.anonymous")}
        </Text>
        {sms.data?.sender && (
          <Text size="sm" c="dimmed">
            {t("form.smsAlso", { sender: format.digits(sms.data.sender) })}
          </Text>
        )}
        {submit.error && !FORM_FIELDS.some((field) => serverErrors[field]) && (
          <ErrorAlert error={submit.error} withFieldErrors />
        )}
        <Button
          type="submit"
          size="lg"
          leftSection={<IconSend size={18} aria-hidden />}
          loading={submit.isPending}
        >
          {t("form.send")}
        </Button>
      </Stack>
    </form>
  );
}
