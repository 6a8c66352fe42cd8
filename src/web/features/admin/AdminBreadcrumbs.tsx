import { Anchor, Breadcrumbs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** "Users › Current page" above an admin page's title. */
export function AdminBreadcrumbs({ parent, to, current }: { parent: string; to: string; current: string }) {
  const { t } = useTranslation("admin");
  return (
    <nav aria-label={t("breadcrumbs")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        <Anchor component={Link} to={to} size="sm">
          {parent}
        </Anchor>
        <Text size="sm" aria-current="page">
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
