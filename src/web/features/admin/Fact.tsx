import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One fact of a description list (`<dl>`): a small dimmed label over its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}
