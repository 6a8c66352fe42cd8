import { Box, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { FACE_COLOURS, FaceIcon } from "./Faces";
import type { Result } from "./scorecards.api";
import { GROUP_ORDER } from "./scorecards.labels";

/** A median or mean to two decimals at most (3.5 stays 3.5), or a dash. */
export function useScoreFormat() {
  const format = useFormat();
  return (value: number | null | undefined) =>
    value == null ? "–" : format.number(value, { maximumFractionDigits: 2 });
}

/** The headline figures of one indicator: median, mean, n. */
export function Headline({ result }: { result: Result }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const score = useScoreFormat();
  return (
    <Group gap="lg" wrap="wrap">
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t("results.median")}
        </Text>
        <Text fz={32} fw={700} lh={1.1}>
          {score(result.median)}
        </Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t("results.mean")}
        </Text>
        <Text fz="xl" fw={600}>
          {score(result.mean)}
        </Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t("results.n")}
        </Text>
        <Text fz="xl" fw={600}>
          {format.number(result.n)}
        </Text>
      </Stack>
    </Group>
  );
}

/** How many gave each face, as bars. */
export function DistributionBars({ distribution, label }: { distribution: number[]; label: string }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const most = Math.max(1, ...distribution);
  return (
    <Stack gap={4} role="list" aria-label={label}>
      {distribution.map((count, index) => (
        <Group
          key={FACE_COLOURS[index]}
          gap={6}
          wrap="nowrap"
          role="listitem"
          aria-label={t("results.barLabel", { face: t(`faces.${index + 1}`), n: format.number(count) })}
        >
          <FaceIcon value={index + 1} size={22} />
          <Box style={{ flex: 1, background: "var(--mantine-color-gray-1)", borderRadius: 4, height: 16 }}>
            <Box
              style={{
                width: `${(count / most) * 100}%`,
                background: FACE_COLOURS[index],
                height: 16,
                borderRadius: 4,
              }}
            />
          </Box>
          <Text size="sm" w={32} ta="right">
            {format.number(count)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Each group's median with its n; groups under five people are withheld. */
export function GroupTable({ result }: { result: Result }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const score = useScoreFormat();
  if (!result.groups) {
    return (
      <Text size="sm" c="dimmed">
        {t("results.noGroupsInTally")}
      </Text>
    );
  }
  const groups = result.groups;
  return (
    <Table striped withTableBorder fz="sm" verticalSpacing={4} horizontalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("results.group")}</Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
            {t("results.n")}
          </Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
            {t("results.median")}
          </Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
            {t("results.mean")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {GROUP_ORDER.map((group) => {
          const entry = groups[group];
          if (!entry) return null;
          return (
            <Table.Tr key={group}>
              <Table.Td>{t(`groups.${group}`)}</Table.Td>
              <Table.Td ta="right">{format.number(entry.n)}</Table.Td>
              {entry.tooSmall ? (
                <Table.Td colSpan={2} ta="right">
                  <Text size="xs" c="dimmed" fs="italic" lh={1.3}>
                    {/* A group of nobody says so: "too small" would hint that someone is hidden. */}
                    {entry.n === 0 ? t("results.nobody") : t("results.tooSmall")}
                  </Text>
                </Table.Td>
              ) : (
                <>
                  <Table.Td ta="right">{score(entry.median)}</Table.Td>
                  <Table.Td ta="right">{score(entry.mean)}</Table.Td>
                </>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
