import { Button } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t("states.notFoundTitle")}
      description={t("states.notFound")}
      icon={<IconMapQuestion aria-hidden />}
    >
      <Button component={Link} to="/">
        {t("states.goHome")}
      </Button>
    </EmptyState>
  );
}
