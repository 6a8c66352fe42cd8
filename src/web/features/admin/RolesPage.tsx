import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useIsDesktop } from "../../components/useIsDesktop";
import { useCan, useMe } from "../auth/session";
import { AdminBreadcrumbs } from "./AdminBreadcrumbs";
import { useRoleSettings, useSetRoleSetting } from "./admin.api";
import { type Role, useAdminLabels } from "./admin.labels";
import { RequireAbility } from "./RequireAbility";

/** /admin/roles: which roles must sign in with a second factor. Read by administrators, changed by national ones. */
export function RolesPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="user:manage" title={t("roleSettings.title")}>
      <RoleSettingsTable />
    </RequireAbility>
  );
}

function RoleSettingsTable() {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const can = useCan();
  const me = useMe();
  const desktop = useIsDesktop();
  const settings = useRoleSettings();
  const change = useSetRoleSetting();
  const [pendingRole, setPendingRole] = useState<string | null>(null);
  const [confirmRole, setConfirmRole] = useState<Role | null>(null);
  const canChange = can("role:manage");

  const save = async (role: Role, requireTotp: boolean) => {
    setPendingRole(role);
    try {
      await change.mutateAsync({ role, requireTotp });
      notifications.show({
        color: "teal",
        message: t(requireTotp ? "roleSettings.savedOn" : "roleSettings.savedOff", {
          role: labels.role(role),
        }),
      });
    } catch (error) {
      notifications.show({
        color: "red",
        title: t("roleSettings.saveFailed"),
        message: error instanceof Error ? error.message : "",
      });
    } finally {
      setPendingRole(null);
    }
  };

  /** Requiring two-factor for one of my own roles while I have none holds me on the enrolment screen: ask first. */
  const toggle = (role: Role, requireTotp: boolean) => {
    if (requireTotp && me.roles.includes(role) && !me.totpEnabled) setConfirmRole(role);
    else void save(role, requireTotp);
  };

  return (
    <>
      <PageHeader
        above={
          <AdminBreadcrumbs parent={t("users.title")} to="/admin/users" current={t("roleSettings.title")} />
        }
        title={t("roleSettings.title")}
        description={t("roleSettings.intro")}
      />
      {!canChange && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} mb="md">
          {t("roleSettings.readOnly")}
        </Alert>
      )}
      {settings.error ? (
        <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />
      ) : !settings.data ? (
        <Skeleton h={400} radius="md" aria-busy="true" aria-label={t("common:states.loading")} />
      ) : (
        <Paper withBorder radius="md" maw={desktop ? 760 : undefined}>
          <Table verticalSpacing="sm" aria-label={t("roleSettings.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("roleSettings.role")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("roleSettings.requireTotp")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settings.data.items.map((item) => (
                <Table.Tr key={item.role}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm" fw={500}>
                      {labels.role(item.role)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Stack align="flex-end">
                      <Switch
                        aria-label={t("roleSettings.switchLabel", { role: labels.role(item.role) })}
                        checked={item.requireTotp}
                        disabled={!canChange || pendingRole !== null}
                        onChange={(event) => toggle(item.role, event.currentTarget.checked)}
                        size="lg"
                      />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={confirmRole !== null}
        onClose={() => setConfirmRole(null)}
        title={t("common:confirm.title")}
        centered
      >
        <Stack>
          <Text>{t("roleSettings.affectsYou", { role: confirmRole ? labels.role(confirmRole) : "" })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmRole(null)} data-autofocus>
              {t("common:actions.cancel")}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                if (confirmRole) void save(confirmRole, true);
                setConfirmRole(null);
              }}
            >
              {t("roleSettings.requireAnyway")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
