import { Button, CopyButton, Group, Paper, Text, Title } from "@mantine/core";
import { IconCheck, IconCircleCheck, IconCopy } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { useFormat } from "../../i18n/format";

/**
 * A tracking code as a sender takes it away: large, in the reader's digits, and in Latin digits too
 * when the screen is in Khmer (a keypad types those). Announced as a status when it appears.
 */
export function TrackingCodeBox({ label, code }: { label: string; code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const grouped = formatTrackingCode(code);
  return (
    <Paper withBorder p="md" radius="md">
      <div role="status">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={36} fw={700} lh={1.3} data-testid="tracking-code">
          {format.digits(grouped)}
        </Text>
        {format.language === "km" && (
          <Text size="lg" c="dimmed" lang="en">
            {grouped}
          </Text>
        )}
      </div>
      {/* Outside the status (announced as it appears): the code as digits only, to paste elsewhere. */}
      <CopyButton value={code}>
        {({ copied, copy }) => (
          <Button
            mt="xs"
            variant="light"
            size="sm"
            onClick={copy}
            leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          >
            {copied ? t("actions.copied") : t("actions.copy")}
          </Button>
        )}
      </CopyButton>
    </Paper>
  );
}

/**
 * The top of a "your message is kept" screen: a title that takes the focus (a screen reader starts
 * there, and a long form's scroll does not hide it), then the code.
 */
export function TrackingCodeReceipt({ title, label, code }: { title: string; label: string; code: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={1} fz="h2" ref={heading} tabIndex={-1}>
          {title}
        </Title>
      </Group>
      <TrackingCodeBox label={label} code={code} />
    </>
  );
}
