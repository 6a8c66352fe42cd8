import { Button } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useCan } from "../auth/session";

interface RequireAbilityProps {
  ability: string;
  /** The page's title, shown above the message so the person knows where they are. */
  title: string;
  children: ReactNode;
}

/**
 * Shows an admin page only to a user holding the ability; anyone else gets a plain "not allowed"
 * message (the server refuses the requests anyway).
 */
export function RequireAbility({ ability, title, children }: RequireAbilityProps) {
  const { t } = useTranslation("admin");
  const can = useCan();
  if (can(ability)) return children;
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title={t("notAllowed.title")}
        description={t("notAllowed.text")}
        icon={<IconLock aria-hidden size={28} />}
      >
        <Button component={Link} to="/" variant="default">
          {t("common:states.goHome")}
        </Button>
      </EmptyState>
    </>
  );
}
