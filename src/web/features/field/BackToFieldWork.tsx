import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The link above a field screen's title, back to the work on this phone. */
export function BackToFieldWork() {
  const { t } = useTranslation("field");
  return (
    <Anchor component={Link} to="/field" size="sm">
      {t("work.title")}
    </Anchor>
  );
}
