import { Button } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../components/EmptyState";

// The shell's interface to the features: everything a feature may take from src/web/app is here, and
// nowhere else in app/. The router, layout and session guard import the features, so a feature that
// reached them would close a loop; this file sits below the features (docs/mechanisms/web-floors.md)
// and imports only from the floors under them.
//
// - NotFoundPage: the shell shows it for an unknown path; a feature shows the same page for an unknown
//   sub-path or a record that is not there, so both look and read alike.

/** "Page not found", with a way back to the home page. */
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
