import { Alert, Button, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconShieldExclamation } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { type Committee, useMarkFormed, useUnform } from "./jaap.api";

/** Must match OVERRIDE_REASON_MIN of the contract. */
const REASON_MIN = 10;

/**
 * Whether the committee is formed. "Mark formed" stays disabled while a quota rule fails, saying why;
 * a supervisor may then mark it formed anyway with a written reason.
 */
export function FormedPanel({ committee }: { committee: Committee }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const explanationId = useId();
  const markFormed = useMarkFormed(committee.cycleId);
  const unform = useUnform(committee.cycleId);
  const [reason, setReason] = useState("");
  const { formed, quota } = committee;

  const form = async (overrideReason?: string) => {
    await markFormed.mutateAsync(overrideReason ? { overrideReason } : {});
    notifications.show({ color: "teal", message: t("formed.done") });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="formed-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="formed-title">
          {t("formed.title")}
        </Title>
        {formed ? (
          <>
            <Alert
              color={formed.quotaMet ? "teal" : "orange"}
              variant="light"
              icon={formed.quotaMet ? <IconCircleCheck aria-hidden /> : <IconShieldExclamation aria-hidden />}
              title={
                formed.quotaMet
                  ? t("formed.formedOn", { date: format.date(formed.at) })
                  : t("formed.overriddenOn", { date: format.date(formed.at) })
              }
            >
              {!formed.quotaMet && (
                <Text size="sm">
                  {t("formed.overrideBy", { name: formed.overrideBy?.displayName ?? "—" })}:{" "}
                  {formed.overrideReason}
                </Text>
              )}
            </Alert>
            {committee.can.form && (
              <ConfirmButton
                variant="outline"
                color="orange"
                title={t("formed.unformTitle")}
                message={t("formed.unformMessage")}
                confirmLabel={t("formed.unformConfirm")}
                onConfirm={async () => {
                  await unform.mutateAsync();
                  notifications.show({ color: "teal", message: t("formed.unformed") });
                }}
              >
                {t("formed.unform")}
              </ConfirmButton>
            )}
          </>
        ) : (
          <>
            <Text size="sm" id={explanationId} c={quota.compliant ? undefined : "red.8"}>
              {quota.compliant ? t("formed.ready") : t("formed.blocked")}
            </Text>
            {committee.can.form ? (
              <Button
                onClick={() => form().catch(() => undefined)}
                disabled={!quota.compliant}
                loading={markFormed.isPending}
                aria-describedby={explanationId}
                w="fit-content"
              >
                {t("formed.mark")}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t("formed.notAllowed")}
              </Text>
            )}
            {markFormed.error !== null && quota.compliant && <ErrorAlert error={markFormed.error} />}
            {!quota.compliant && committee.can.override && (
              <Stack gap="xs" mt="xs">
                <Text size="sm">{t("formed.overrideIntro")}</Text>
                <ConfirmButton
                  color="orange"
                  variant="light"
                  title={t("formed.overrideTitle")}
                  message={t("formed.overrideMessage")}
                  confirmLabel={t("formed.overrideConfirm")}
                  canConfirm={reason.trim().length >= REASON_MIN}
                  extra={
                    <Textarea
                      label={t("formed.reason")}
                      description={t("formed.reasonHint", { n: format.number(REASON_MIN) })}
                      value={reason}
                      onChange={(event) => setReason(event.currentTarget.value)}
                      autosize
                      minRows={3}
                      maxLength={2000}
                      required
                    />
                  }
                  onConfirm={() => form(reason.trim())}
                >
                  {t("formed.override")}
                </ConfirmButton>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
