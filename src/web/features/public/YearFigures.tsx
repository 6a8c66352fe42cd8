import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { DistributionFaces } from "./Face";
import type { PublicIndicatorScores } from "./public.api";

/**
 * Every published figure of one indicator in one year: mean, n and how many gave each score, for the
 * community and the self-assessment, and the groups of five people or more.
 */
export function YearFigures({ row }: { row: PublicIndicatorScores }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const decimal = (value: number | null) =>
    value === null ? "—" : format.number(value, { maximumFractionDigits: 2 });
  const sides = [
    { key: "community", label: t("scores.community"), figures: row.community },
    { key: "self", label: t("scores.self"), figures: row.self },
  ].filter((side) => side.figures !== null);
  const groups = row.community?.groups ?? [];
  const label = (key: string) => t("frame.label", { label: t(key) });

  return (
    <Stack gap="sm">
      {sides.map((side) => (
        <Stack key={side.key} gap={4}>
          <Text size="sm" fw={600}>
            {side.label}
          </Text>
          <Text size="sm">
            {[
              `${label("scores.median")} ${decimal(side.figures?.median ?? null)}`,
              `${label("scores.mean")} ${decimal(side.figures?.mean ?? null)}`,
              `${label("scores.n")} ${format.number(side.figures?.n ?? 0)}`,
            ].join(" · ")}
          </Text>
          <DistributionFaces distribution={side.figures?.distribution ?? []} />
        </Stack>
      ))}
      {row.community && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("scores.groupsTitle")}
          </Text>
          {groups.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("scores.noGroups")}
            </Text>
          ) : (
            <>
              <Table withTableBorder fz="sm" verticalSpacing={4} horizontalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("scores.group")}</Table.Th>
                    <Table.Th scope="col">{t("scores.median")}</Table.Th>
                    <Table.Th scope="col">{t("scores.mean")}</Table.Th>
                    <Table.Th scope="col">n</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.map((group) => (
                    <Table.Tr key={group.group}>
                      <Table.Th scope="row" fw={400}>
                        {t(`groups.${group.group}`)}
                      </Table.Th>
                      <Table.Td>{decimal(group.median)}</Table.Td>
                      <Table.Td>{decimal(group.mean)}</Table.Td>
                      <Table.Td>{format.number(group.n)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed">
                {t("scores.withheld")}
              </Text>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
