import { EmptyState as MantineEmptyState } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";

interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Defaults to an empty tray. */
  icon?: ReactNode;
  /** A button or link that gets the person going (e.g. "Add a facility"). */
  children?: ReactNode;
}

/** What a list or page shows when there is nothing yet, with the next step to take. */
export function EmptyState({ title, description, icon, children }: EmptyStateProps) {
  return (
    <MantineEmptyState
      py="xl"
      variant="light"
      icon={icon ?? <IconInbox aria-hidden size={28} />}
      title={title}
      description={description}
    >
      {children && <MantineEmptyState.Actions>{children}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
