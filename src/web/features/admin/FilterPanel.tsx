import { Badge, Button, Collapse, Paper, SimpleGrid } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconChevronDown, IconChevronUp, IconSearch } from "@tabler/icons-react";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { useIsDesktop } from "../../components/useIsDesktop";
import { useFormat } from "../../i18n/format";

interface FilterPanelProps {
  /** How many filters are set; shown on the phone's button. */
  activeCount: number;
  /** Columns of the grid on a desktop. */
  columns?: number;
  onClear?: () => void;
  children: ReactNode;
}

/** Filters of a list: always shown on a desktop, folded behind a "Filters" button on a phone. */
export function FilterPanel({ activeCount, columns = 4, onClear, children }: FilterPanelProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const desktop = useIsDesktop();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const grid = (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: columns }} spacing="sm" verticalSpacing="xs">
      {children}
    </SimpleGrid>
  );
  const clear = onClear && activeCount > 0 && (
    <Button variant="subtle" size="compact-sm" onClick={onClear} mt="xs">
      {t("filters.clear")}
    </Button>
  );

  if (desktop) {
    return (
      <Paper component="section" aria-label={t("filters.title")} withBorder radius="md" p="sm" mb="md">
        {grid}
        {clear}
      </Paper>
    );
  }
  return (
    <section aria-label={t("filters.title")} style={{ marginBottom: "var(--mantine-spacing-md)" }}>
      <Button
        variant="default"
        fullWidth
        justify="space-between"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={panelId}
        leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
        rightSection={
          opened ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
        }
      >
        {t("filters.title")}
        {activeCount > 0 && (
          <Badge
            ml="xs"
            size="sm"
            circle
            aria-label={t("filters.activeCount", { count: activeCount, n: format.number(activeCount) })}
          >
            {format.number(activeCount)}
          </Badge>
        )}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <Paper withBorder radius="md" p="sm" mt="xs">
          {grid}
          {clear}
        </Paper>
      </Collapse>
    </section>
  );
}

/** A filtered list with nothing in it: says so, and offers to clear the filters. */
export function NoMatch({
  title,
  description,
  onClear,
}: {
  title: string;
  description?: string;
  onClear: () => void;
}) {
  const { t } = useTranslation("admin");
  return (
    <EmptyState title={title} description={description} icon={<IconSearch size={28} aria-hidden />}>
      <Button variant="default" onClick={onClear}>
        {t("filters.clear")}
      </Button>
    </EmptyState>
  );
}
