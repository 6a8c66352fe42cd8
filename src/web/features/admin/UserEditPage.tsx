import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconHistory, IconPlayerPlay, IconPower } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan, useMe } from "../auth/session";
import { AdminBreadcrumbs } from "./AdminBreadcrumbs";
import { type User, updateBodyOf, useUpdateUser, useUser } from "./admin.api";
import { Fact } from "./Fact";
import { RequireAbility } from "./RequireAbility";
import { SetPasswordButton } from "./SetPasswordModal";
import { Tag } from "./Tag";
import { StatusBadges } from "./UserBadges";
import { UserForm, type UserFormValues } from "./UserForm";

/** /admin/users/:id: a user's account status, a new password, and the edit form. */
export function UserEditPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="user:manage" title={t("users.title")}>
      <EditUser />
    </RequireAbility>
  );
}

function EditUser() {
  const { id = "" } = useParams();
  const { t } = useTranslation("admin");
  const user = useUser(id);

  if (user.error) {
    return (
      <>
        <PageHeader
          above={
            <AdminBreadcrumbs parent={t("users.title")} to="/admin/users" current={t("userPage.unknown")} />
          }
          title={t("userPage.unknown")}
        />
        <ErrorAlert error={user.error} onRetry={() => user.refetch()} />
      </>
    );
  }
  if (!user.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={20} w={200} />
        <Skeleton h={36} w={300} />
        <Skeleton h={120} />
        <Skeleton h={400} />
      </Stack>
    );
  }
  return <UserDetails key={user.data.id} user={user.data} />;
}

function StatusSection({ user, own }: { user: User; own: boolean }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const can = useCan();
  const update = useUpdateUser(user.id);

  const setActive = async (active: boolean) => {
    await update.mutateAsync(updateBodyOf(user, { active }));
    notifications.show({
      color: "teal",
      message: t(active ? "userPage.switchedOn" : "userPage.switchedOff", { name: user.displayName }),
    });
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      mb="md"
      aria-labelledby="user-status-title"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id="user-status-title">
            {t("userPage.status")}
          </Title>
          <Group gap={4}>
            {user.active && <Tag color="teal">{t("status.active")}</Tag>}
            <StatusBadges user={user} />
          </Group>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="sm" m={0}>
          <Fact label={t("userPage.lastSignIn")}>
            {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("users.neverSignedIn")}
          </Fact>
          <Fact label={t("userPage.createdAt")}>{format.date(user.createdAt)}</Fact>
          <Fact label={t("userPage.totp")}>
            {user.totpEnabled ? t("userPage.totpOn") : t("userPage.totpOff")}
          </Fact>
          <Fact label={t("userPage.lock")}>
            {user.locked ? t("userPage.lockedText") : t("userPage.notLocked")}
          </Fact>
        </SimpleGrid>
        {/* Switching off fails inside its confirmation modal; switching on has no modal, so its error shows here. */}
        {update.error !== null && update.variables?.active === true && <ErrorAlert error={update.error} />}
        <Group gap="sm">
          {own ? (
            <Anchor component={Link} to="/account" size="sm">
              {t("userPage.ownPassword")}
            </Anchor>
          ) : (
            <SetPasswordButton user={user} />
          )}
          {!own &&
            (user.active ? (
              <ConfirmButton
                variant="light"
                leftSection={<IconPower size={18} aria-hidden />}
                title={t("userPage.switchOffTitle", { name: user.displayName })}
                message={t("userPage.switchOffConfirm", { name: user.displayName })}
                confirmLabel={t("userPage.switchOff")}
                onConfirm={() => setActive(false)}
              >
                {t("userPage.switchOff")}
              </ConfirmButton>
            ) : (
              <Button
                variant="light"
                leftSection={<IconPlayerPlay size={18} aria-hidden />}
                loading={update.isPending}
                onClick={() => setActive(true).catch(() => undefined)}
              >
                {t("userPage.switchOn")}
              </Button>
            ))}
          {can("audit:read") && (
            <Anchor
              component={Link}
              to={`/admin/audit?entityType=user&entityId=${encodeURIComponent(user.id)}`}
              size="sm"
              style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
            >
              <IconHistory size={16} aria-hidden />
              {t("userPage.history")}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function UserDetails({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const me = useMe();
  const own = me.id === user.id;
  const update = useUpdateUser(user.id);

  const initial: UserFormValues = {
    username: user.username,
    displayName: user.displayName,
    email: user.email ?? "",
    phone: user.phone ?? "",
    organisationId: user.organisationId,
    roles: user.roles,
    area: user.area,
    facilities: user.facilities,
    locale: user.locale,
    password: "",
  };

  const submit = (values: UserFormValues) =>
    update.mutate(
      updateBodyOf(user, {
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        organisationId: values.organisationId,
        roles: values.roles,
        area: values.area.national ? { national: true, codes: [] } : values.area,
        // Facilities mean something only for a service provider; the form hides them otherwise.
        facilityIds: values.roles.includes("service_provider")
          ? values.facilities.map((facility) => facility.id)
          : [],
        locale: values.locale,
      }),
      {
        onSuccess: (saved) =>
          notifications.show({ color: "teal", message: t("userForm.saved", { name: saved.displayName }) }),
      },
    );

  return (
    <>
      <PageHeader
        above={<AdminBreadcrumbs parent={t("users.title")} to="/admin/users" current={user.displayName} />}
        title={user.displayName}
        description={
          <Text component="span" ff="monospace" size="sm">
            {user.username}
          </Text>
        }
      />
      <StatusSection user={user} own={own} />
      <UserForm
        mode="edit"
        initial={initial}
        ownAccount={own}
        pending={update.isPending}
        error={update.error}
        onSubmit={submit}
        secondary={
          <Button component={Link} to="/admin/users" variant="default">
            {t("userPage.backToList")}
          </Button>
        }
      />
    </>
  );
}
