import { type MantineSpacing, Paper, type StyleProp, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

interface FacilitySectionProps {
  /** The heading's id (the section is labelled by it); a generated one when not given. */
  id?: string;
  title: string;
  /** Padding: tighter on a phone unless told otherwise. */
  p?: StyleProp<MantineSpacing>;
  /** Space under the heading. */
  titleGap?: MantineSpacing;
  children: ReactNode;
}

/** A bordered section with an h2, as on the facility page, the facility form and the import page. */
export function FacilitySection({
  id,
  title,
  p = { base: "sm", sm: "md" },
  titleGap = "sm",
  children,
}: FacilitySectionProps) {
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <Paper withBorder radius="md" p={p} component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId} mb={titleGap}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
