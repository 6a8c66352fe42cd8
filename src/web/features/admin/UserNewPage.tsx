import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { AdminBreadcrumbs } from "./AdminBreadcrumbs";
import { useCreateUser } from "./admin.api";
import { RequireAbility } from "./RequireAbility";
import { EMPTY_USER, UserForm, type UserFormValues } from "./UserForm";

/** /admin/users/new: a new user with a first password, roles and an area. */
export function UserNewPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="user:manage" title={t("userForm.newTitle")}>
      <NewUser />
    </RequireAbility>
  );
}

function NewUser() {
  const { t } = useTranslation("admin");
  const navigate = useNavigate();
  const create = useCreateUser();

  const submit = (values: UserFormValues) =>
    create.mutate(
      {
        username: values.username.trim(),
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
        password: values.password,
      },
      {
        onSuccess: (user) => {
          notifications.show({ color: "teal", message: t("userForm.created", { name: user.displayName }) });
          navigate(`/admin/users/${user.id}`);
        },
      },
    );

  return (
    <>
      <PageHeader
        above={
          <AdminBreadcrumbs parent={t("users.title")} to="/admin/users" current={t("userForm.newTitle")} />
        }
        title={t("userForm.newTitle")}
        description={t("userForm.newIntro")}
      />
      <UserForm
        mode="create"
        initial={EMPTY_USER}
        pending={create.isPending}
        error={create.error}
        onSubmit={submit}
        secondary={
          <Button component={Link} to="/admin/users" variant="default">
            {t("common:actions.cancel")}
          </Button>
        }
      />
    </>
  );
}
