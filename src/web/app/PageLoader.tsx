import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A whole-page spinner, while the session or a page's code loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-label={t("states.loading")}>
      <Loader />
    </Center>
  );
}
