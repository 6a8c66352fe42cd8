import { Group } from "@mantine/core";
import { IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { User } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { Tag } from "./Tag";

/** The roles of a user as badges. */
export function RoleBadges({ roles }: { roles: string[] }) {
  const labels = useAdminLabels();
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Tag key={role} color="teal">
          {labels.role(role)}
        </Tag>
      ))}
    </Group>
  );
}

/** What is notable about a user's account: switched off, locked, two-factor on, demo. */
export function StatusBadges({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  return (
    <Group gap={4} wrap="wrap">
      {!user.active && (
        <Tag color="gray" variant="filled" wrap={false}>
          {t("status.inactive")}
        </Tag>
      )}
      {user.locked && (
        <Tag color="red" wrap={false} leftSection={<IconLock size={14} aria-hidden />}>
          {t("status.locked")}
        </Tag>
      )}
      {user.totpEnabled && (
        <Tag color="indigo" leftSection={<IconShieldCheck size={14} aria-hidden />}>
          {t("status.totp")}
        </Tag>
      )}
      {user.isDemo && (
        <Tag color="yellow" wrap={false}>
          {t("status.demo")}
        </Tag>
      )}
    </Group>
  );
}
