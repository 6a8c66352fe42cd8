import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface FormPanelProps {
  title: string;
  /** A line under the heading that says what the panel is for. */
  description?: ReactNode;
  children: ReactNode;
}

/** A bordered section of a settings page or form, named by its h2. */
export function FormPanel({ title, description, children }: FormPanelProps) {
  return (
    <Paper component="section" withBorder radius="md" p={{ base: "sm", sm: "lg" }} aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
