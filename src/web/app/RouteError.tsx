import { Button, Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";

/** Shown when a page fails to render: the error, and a way to start again. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={520}>
        <ErrorAlert error={error} />
        <Button onClick={() => window.location.assign("/")}>{t("states.goHome")}</Button>
      </Stack>
    </Center>
  );
}
