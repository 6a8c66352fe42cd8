import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";

/** Sets the browser tab's title: "page · សំឡេង Samleng". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · សំឡេង Samleng` : "សំឡេង Samleng";
  }, [title]);
}

interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title (a name in the other script, a short explanation). */
  description?: ReactNode;
  /** Shown above the title, e.g. breadcrumbs. */
  above?: ReactNode;
  /** Buttons on the right (they wrap under the title on a phone). */
  actions?: ReactNode;
}

/** The title block every page starts with: its h1, a description and the page's main actions. */
export function PageHeader({ title, description, above, actions }: PageHeaderProps) {
  usePageTitle(typeof title === "string" ? title : null);
  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 16rem", minWidth: 0 }}>
          <Title order={1} fz={{ base: "h3", sm: "h2" }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
