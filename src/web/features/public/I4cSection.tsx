import { Stack, Table, Text, Title } from "@mantine/core";
import { IconInfoSquare } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { useFormat } from "../../i18n/format";
import { PublicSection } from "./PublicSection";
import type { PublicI4c } from "./public.api";

/** The published I4C packs: standard against actual, the budget summary and notes (newest first). */
export function I4cSection({ packs }: { packs: PublicI4c[] }) {
  const { t } = useTranslation("public");
  return (
    <PublicSection title={t("i4c.title")} intro={packs.length ? t("i4c.intro") : undefined}>
      {packs.length === 0 ? (
        <EmptyState title={t("i4c.emptyTitle")} icon={<IconInfoSquare aria-hidden size={28} />} />
      ) : (
        <Stack gap="lg">
          {packs.map((pack) => (
            <Pack key={pack.year} pack={pack} />
          ))}
        </Stack>
      )}
    </PublicSection>
  );
}

function Pack({ pack }: { pack: PublicI4c }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const label = (item: PublicI4c["items"][number]) =>
    format.language === "km" ? item.labelKm : item.labelEn;
  const value = (text: string, unit: string | null) => format.digits(unit ? `${text} ${unit}` : text);
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t("i4c.packHeading", { year: format.digits(String(pack.year)) })}
      </Title>
      {pack.publishedAt && (
        <Text size="xs" c="dimmed">
          {t("i4c.published", { date: format.date(pack.publishedAt) })}
        </Text>
      )}
      {pack.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("i4c.noItems")}
        </Text>
      ) : (
        <Table withTableBorder fz="sm" verticalSpacing={6} horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("i4c.item")}</Table.Th>
              <Table.Th scope="col">{t("i4c.standard")}</Table.Th>
              <Table.Th scope="col">{t("i4c.actual")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pack.items.map((item) => (
              <Table.Tr key={`${item.labelEn}-${item.labelKm}`}>
                <Table.Th scope="row" fw={400}>
                  {label(item)}
                </Table.Th>
                <Table.Td>{value(item.standardValue, item.unit)}</Table.Td>
                <Table.Td fw={600}>{value(item.actualValue, item.unit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pack.budgetSummary && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("frame.label", { label: t("i4c.budget") })}
          </Text>{" "}
          {pack.budgetSummary}
        </Text>
      )}
      {pack.notes && (
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          <Text span fw={600} size="sm">
            {t("frame.label", { label: t("i4c.notes") })}
          </Text>{" "}
          {pack.notes}
        </Text>
      )}
    </Stack>
  );
}
