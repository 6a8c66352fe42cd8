import { Button, Skeleton, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";

/** Placeholders while a public page loads. */
export function PublicLoading() {
  const { t } = useTranslation("public");
  return (
    <Stack aria-busy="true" aria-label={t("states.loading")}>
      <Skeleton h={20} w={220} />
      <Skeleton h={36} w={320} maw="100%" />
      <Skeleton h={240} />
      <Skeleton h={160} />
    </Stack>
  );
}

/** A clear "not here" page, with the way in for staff. */
export function PublicNotFound({ message }: { message?: string }) {
  const { t } = useTranslation("public");
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <ThemeIcon size={56} radius="xl" variant="light" color="gray">
        <IconMapQuestion aria-hidden size={30} />
      </ThemeIcon>
      <Title order={1} fz="h3">
        {t("states.notFoundTitle")}
      </Title>
      <Text c="dimmed" maw={480}>
        {message ?? t("states.pageNotFound")}
      </Text>
      <Button component={Link} to="/sign-in" variant="default">
        {t("frame.staffSignIn")}
      </Button>
    </Stack>
  );
}

/** A failed load: not found for a 404, else the error with a retry. */
export function PublicProblem({
  error,
  notFoundMessage,
  onRetry,
}: {
  error: unknown;
  notFoundMessage: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation("public");
  const notFound = isApiError(error) && error.status === 404;
  usePageTitle(t(notFound ? "states.notFoundTitle" : "states.errorTitle"));
  if (notFound) return <PublicNotFound message={notFoundMessage} />;
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
