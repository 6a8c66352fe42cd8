import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";

interface PagerProps {
  /** Number of items in all pages. */
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number) => void;
}

/** "Showing 1–25 of 120" and page buttons (numbers in the language shown). */
export function Pager({ total, offset, limit, onChange }: PagerProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);

  return (
    <Group justify="space-between" gap="sm" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t("pager.showing", {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t("pager.label")}>
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => onChange((next - 1) * limit)}
            siblings={0}
            boundaries={1}
            size="sm"
            getItemProps={(item) => ({
              children: format.number(item, { useGrouping: false }),
              "aria-label": t("pager.page", { page: format.number(item, { useGrouping: false }) }),
            })}
            getControlProps={(control) => ({ "aria-label": t(`pager.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
