import { Paper, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import classes from "./Public.module.css";

/** A bordered section of a public page, labelled by its h2. */
export function PublicSection({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby={headingId}
      className={classes.card}
    >
      <Title order={2} fz="h3" id={headingId} mb="xs">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}
