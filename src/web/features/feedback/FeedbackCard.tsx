import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPhone } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { useSession } from "../auth/session";
import { AnswerForm } from "./AnswerForm";
import { type FeedbackItem, useFeedbackChange, useFeedbackContact } from "./feedback.api";

/** One message in a queue: where and what, when it is due, its answer or the form to answer it. */
export function FeedbackCard({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const titleId = `feedback-${item.id}`;
  const reasons = item.restrictedBecause
    .map((reason) =>
      reason === "sender" ? t("queue.sender") : reason === "staff" ? t("queue.staff") : reason,
    )
    .join(", ");
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} id={titleId}>
            {item.facility ? format.name(item.facility) : format.name(item.commune)} ·{" "}
            {t(`topics.${item.topic}`)}
          </Text>
          <Group gap={6}>
            {item.overdue && (
              <Badge color="red" variant="filled">
                {t("queue.overdue")}
              </Badge>
            )}
            {item.untaken && (
              <Badge color="orange" variant="filled">
                {t("queue.untaken")}
              </Badge>
            )}
            {item.escalatedToLevel && (
              <Badge color="grape" variant="light">
                {t(`queue.escalatedTo.${item.escalatedToLevel}`)}
              </Badge>
            )}
            <Badge color={item.status === "answered" ? "teal" : "yellow"} variant="light">
              {t(`statuses.${item.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t("queue.code", { code: format.digits(formatTrackingCode(item.trackingCode)) })} ·{" "}
          {t(`queue.via.${item.channel}`)} · {t("queue.received", { date: format.date(item.receivedAt) })} ·{" "}
          {t("queue.due", { date: format.date(item.answerDueOn) })}
        </Text>
        <TakeOrGiveBack item={item} />
        {item.restricted && reasons && (
          <Text size="sm" c="red.8">
            {t("queue.flagged", { reasons })}
          </Text>
        )}
        <Text style={{ whiteSpace: "pre-wrap" }}>{item.text}</Text>
        {item.answer ? (
          <Alert color="teal" variant="light" title={t("track.answer")}>
            <Text style={{ whiteSpace: "pre-wrap" }}>{item.answer}</Text>
            {item.answeredAt && (
              <Text size="sm" c="dimmed" mt="xs">
                {t("queue.answered", {
                  date: format.date(item.answeredAt),
                  name: item.answeredBy?.displayName ?? "",
                })}
              </Text>
            )}
          </Alert>
        ) : (
          item.can.answer && <AnswerForm item={item} />
        )}
        {item.contactGiven && item.can.seeContact && <ShowPhone item={item} />}
        {item.can.restrict && <MoveQueue item={item} />}
      </Stack>
    </Card>
  );
}

/** The sender's number, after the staff member says why she needs it (kept in the audit). */
function ShowPhone({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const contact = useFeedbackContact(item.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  if (contact.data)
    return (
      <Text size="sm">
        {t("queue.phoneIs")}{" "}
        <Anchor href={`tel:${contact.data.phone.replace(/\s/g, "")}`} fw={700}>
          {format.digits(contact.data.phone)}
        </Anchor>
      </Text>
    );
  if (!asking)
    return (
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPhone size={14} aria-hidden />}
          onClick={() => setAsking(true)}
        >
          {t("queue.showPhone")}
        </Button>
      </Group>
    );
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (reason.trim().length >= 3) contact.mutate(reason.trim());
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t("queue.phoneReason")}
          description={t("queue.phoneReasonHelp")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={500}
          style={{ flex: 1, minWidth: 200 }}
          data-autofocus
        />
        <Button type="submit" size="sm" loading={contact.isPending} disabled={reason.trim().length < 3}>
          {t("queue.showPhoneConfirm")}
        </Button>
      </Group>
      {contact.error !== null && <ErrorAlert error={contact.error} />}
    </form>
  );
}

/** Who has the message, and the button to take it (which acknowledges it) or give it back. */
function TakeOrGiveBack({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation("feedback");
  const me = useSession().data?.user.id;
  const change = useFeedbackChange(item.id);
  const open = item.status !== "answered" && item.status !== "closed";
  const mine = item.assignedTo?.id === me;
  if (!item.assignedTo && !(open && item.can.answer)) return null;
  return (
    <Group gap="xs">
      {item.assignedTo && (
        <Text size="sm">
          {mine ? t("queue.takenByYou") : t("queue.takenBy", { name: item.assignedTo.displayName })}
        </Text>
      )}
      {open && item.can.answer && !mine && (
        <Button
          size="xs"
          variant="light"
          loading={change.isPending}
          onClick={() => change.mutate({ path: "assign", body: { take: true, version: item.version } })}
        >
          {t("queue.take")}
        </Button>
      )}
      {open && mine && (
        <Button
          size="xs"
          variant="subtle"
          loading={change.isPending}
          onClick={() => change.mutate({ path: "assign", body: { take: false, version: item.version } })}
        >
          {t("queue.giveBack")}
        </Button>
      )}
      {change.error !== null && <ErrorAlert error={change.error} />}
    </Group>
  );
}

/** Into the child-protection queue (anyone who reads it), or back out of it (child-protection staff). */
function MoveQueue({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation("feedback");
  const change = useFeedbackChange(item.id);
  const [reason, setReason] = useState("");
  const toRestricted = !item.restricted;
  return (
    <Group>
      <ConfirmButton
        size="xs"
        variant="light"
        color={toRestricted ? "red" : "gray"}
        title={t("queue.moveTitle")}
        message={toRestricted ? t("queue.moveRestricted") : t("queue.moveGeneral")}
        canConfirm={reason.trim().length > 0}
        extra={
          <TextInput
            label={t("queue.reason")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
          />
        }
        onConfirm={async () => {
          await change.mutateAsync({
            path: "restrict",
            body: { restricted: toRestricted, reason: reason.trim(), version: item.version },
          });
          notifications.show({ color: "teal", message: t("queue.moved") });
        }}
      >
        {toRestricted ? t("queue.toRestricted") : t("queue.toGeneral")}
      </ConfirmButton>
    </Group>
  );
}
