import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The heading of a meeting step (the step's section is labelled by it) with a line of help. */
export function StepTitle({
  children,
  help,
  actions,
}: {
  children: ReactNode;
  help?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} id="step-title" fz="h3">
          {children}
        </Title>
        {actions}
      </Group>
      {help && (
        <Text size="sm" c="dimmed" mb="md">
          {help}
        </Text>
      )}
    </>
  );
}
