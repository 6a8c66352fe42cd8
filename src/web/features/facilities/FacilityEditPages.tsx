import { Alert, Skeleton, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { FacilityForm } from "./FacilityForm";
import { FacilityBreadcrumbs, FacilityError } from "./FacilityNavigation";
import { useCreateFacility, useFacility, useFacilityReference, useUpdateFacility } from "./facilities.api";
import { EMPTY_VALUES, valuesOf } from "./facility-form";

function FormSkeleton() {
  const { t } = useTranslation("facilities");
  return (
    <Stack aria-busy="true" aria-label={t("common:states.loading")}>
      <Skeleton h={200} radius="md" />
      <Skeleton h={260} radius="md" />
    </Stack>
  );
}

/** /facilities/new — add a facility to the registry. */
export function FacilityCreatePage() {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const reference = useFacilityReference();
  const create = useCreateFacility();
  const title = t("form.createTitle");

  let body: React.ReactNode;
  if (!can("facility:create")) body = <Alert color="gray">{t("form.notAllowed")}</Alert>;
  else if (reference.error) body = <ErrorAlert error={reference.error} onRetry={() => reference.refetch()} />;
  else if (!reference.data) body = <FormSkeleton />;
  else
    body = (
      <FacilityForm
        initial={EMPTY_VALUES}
        reference={reference.data}
        submitLabel={t("form.create")}
        onCancel={() => navigate("/facilities")}
        onSubmit={async (input) => {
          const facility = await create.mutateAsync(input);
          notifications.show({ color: "teal", message: t("form.created", { name: format.name(input) }) });
          navigate(`/facilities/${facility.id}`);
        }}
      />
    );

  return (
    <>
      <PageHeader above={<FacilityBreadcrumbs current={title} />} title={title} />
      {body}
    </>
  );
}

/** /facilities/:id/edit — change a facility's record. */
export function FacilityEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const navigate = useNavigate();
  const reference = useFacilityReference();
  const facility = useFacility(id);
  const update = useUpdateFacility(id);
  const title = t("form.editTitle");

  if (facility.error) return <FacilityError error={facility.error} onRetry={() => facility.refetch()} />;
  let body: React.ReactNode;
  if (reference.error) body = <ErrorAlert error={reference.error} onRetry={() => reference.refetch()} />;
  else if (!facility.data || !reference.data) body = <FormSkeleton />;
  else if (!facility.data.can.update) body = <Alert color="gray">{t("form.notAllowedEdit")}</Alert>;
  else {
    const current = facility.data;
    body = (
      <FacilityForm
        // A newer version (after "Reload") starts the form over from the saved record.
        key={current.version}
        initial={valuesOf(current)}
        reference={reference.data}
        submitLabel={t("common:actions.save")}
        onCancel={() => navigate(`/facilities/${id}`)}
        onReload={() => void facility.refetch()}
        onSubmit={async (input) => {
          await update.mutateAsync({ ...input, version: current.version });
          notifications.show({ color: "teal", message: t("form.saved") });
          navigate(`/facilities/${id}`);
        }}
      />
    );
  }

  return (
    <>
      <PageHeader
        above={<FacilityBreadcrumbs facility={facility.data} current={title} />}
        title={facility.data ? t("form.editNamed", { name: format.name(facility.data) }) : title}
      />
      {body}
    </>
  );
}
