import { Paper, Text } from "@mantine/core";
import { formatTrackingCode } from "../../../domain/feedback/tracking-code";
import { useFormat } from "../../i18n/format";

/**
 * A tracking code as a sender takes it away: large, in the reader's digits, and in Latin digits too
 * when the screen is in Khmer (a keypad types those). Announced as a status when it appears.
 */
export function TrackingCodeBox({ label, code }: { label: string; code: string }) {
  const format = useFormat();
  const grouped = formatTrackingCode(code);
  return (
    <Paper withBorder p="md" radius="md" role="status">
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
    </Paper>
  );
}
