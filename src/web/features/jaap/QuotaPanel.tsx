import { Alert, Group, List, Paper, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck, IconMinus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { Committee } from "./jaap.api";

type Check = Committee["quota"]["checks"][number];

/** The programme's quota rules against the committee as it is now, each passed or failed; updated live. */
export function QuotaPanel({ quota, memberCount }: { quota: Committee["quota"]; memberCount: number }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const percent = (share: number) => format.number(share * 100, { maximumFractionDigits: 0 });
  const describe = (check: Check) => {
    if (!check.applies) return t("quota.minorityNotApplicable");
    if (check.rule === "women_share")
      return t("quota.women", { actual: percent(check.actual), required: percent(check.required) });
    return t(check.rule === "youth" ? "quota.youth" : "quota.minority", {
      actual: format.number(check.actual),
      required: format.number(check.required),
    });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="quota-title">
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Title order={3} size="h5" id="quota-title">
          {t("quota.title")}
        </Title>
        <Text
          size="sm"
          fw={700}
          c={quota.compliant ? "teal.8" : "red.8"}
          aria-live="polite"
          data-testid="quota-verdict"
        >
          {quota.compliant ? t("quota.met") : t("quota.unmet")}
        </Text>
      </Group>
      <List spacing="xs" center aria-live="polite" aria-label={t("quota.title")}>
        {quota.checks.map((check) => {
          const icon = !check.applies ? (
            <IconMinus size={14} aria-hidden />
          ) : check.passed ? (
            <IconCheck size={14} aria-hidden />
          ) : (
            <IconX size={14} aria-hidden />
          );
          const colour = !check.applies ? "gray" : check.passed ? "teal" : "red";
          return (
            <List.Item
              key={check.rule}
              data-rule={check.rule}
              data-passed={String(check.passed)}
              icon={
                <ThemeIcon color={colour} size={22} radius="xl">
                  {icon}
                </ThemeIcon>
              }
            >
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {!check.applies
                    ? t("quota.notApplicable")
                    : check.passed
                      ? t("quota.passed")
                      : t("quota.failed")}
                </Text>
                {" · "}
                {describe(check)}
              </Text>
            </List.Item>
          );
        })}
      </List>
      {memberCount === 0 && (
        <Alert color="gray" variant="light" mt="sm">
          {t("quota.noMembers")}
        </Alert>
      )}
    </Paper>
  );
}
