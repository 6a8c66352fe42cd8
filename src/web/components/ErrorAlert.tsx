import { Alert, Button, List } from "@mantine/core";
import { IconAlertTriangle, IconWifiOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

interface ErrorAlertProps {
  error: unknown;
  /** Shows a "Try again" button (e.g. a query's refetch). */
  onRetry?: () => void;
  /** Also list the field errors (for forms that do not show them next to their fields). */
  withFieldErrors?: boolean;
}

/** Shows an API error's message (already in the user's language), or a general one for anything else. */
export function ErrorAlert({ error, onRetry, withFieldErrors = false }: ErrorAlertProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const offline = apiError?.code === "network_error";
  // The problem's `title` is not always in the user's language; `detail` is, so the title is ours.
  const title = offline ? t("errors.networkTitle") : t("errors.title");
  const detail = apiError?.detail ?? t("errors.unexpected");
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title}
      icon={offline ? <IconWifiOff aria-hidden /> : <IconAlertTriangle aria-hidden />}
    >
      {detail}
      {withFieldErrors && apiError && apiError.errors.length > 0 && (
        <List size="sm" mt="xs">
          {apiError.errors.map((fieldError) => (
            <List.Item key={`${fieldError.path}:${fieldError.code}`}>
              {fieldError.path}: {fieldError.message}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button variant="white" color="red" size="xs" mt="sm" onClick={onRetry} display="block">
          {t("actions.retry")}
        </Button>
      )}
    </Alert>
  );
}
