import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, type Location, Navigate, useLocation } from "react-router";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { AuthFrame } from "./AuthFrame";
import { useSignIn } from "./auth.api";
import { languageChosenBeforeSignIn, type SignInReason, useSession } from "./session";

interface SignInState {
  from?: Location;
  reason?: SignInReason | null;
}

/** Errors shown as a message above the form rather than on a field. */
const FORM_LEVEL_CODES = new Set(["totp_required", "totp_invalid", "totp_used", "validation_failed"]);
/** Refusals of the code itself, shown on the code field: wrong or expired, or used already. */
const isCodeRefusal = (error: unknown) => isApiError(error, "totp_invalid") || isApiError(error, "totp_used");

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const session = useSession();
  const signIn = useSignIn();

  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const codeRef = useRef<HTMLInputElement>(null);
  usePageTitle(t("auth.signInTitle"));

  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  if (session.data) {
    const from = state.from && state.from.pathname !== "/sign-in" ? state.from : null;
    return <Navigate to={from ? `${from.pathname}${from.search}${from.hash}` : "/"} replace />;
  }

  const error = signIn.error;
  const serverFieldErrors = isApiError(error) ? error.fieldErrors : {};
  const codeError =
    localErrors.totpCode ??
    (isCodeRefusal(error) && isApiError(error) ? error.detail : serverFieldErrors.totpCode);
  const formError = error && !(isApiError(error) && FORM_LEVEL_CODES.has(error.code)) ? error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!username.trim()) errors.username = t("auth.usernameRequired");
    if (!password) errors.password = t("auth.passwordRequired");
    if (needsCode && !/^\d{6}$/.test(totpCode.trim())) errors.totpCode = t("auth.codeFormat");
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    signIn.mutate(
      {
        username: username.trim(),
        password,
        totpCode: needsCode ? totpCode.trim() : undefined,
        // A language she picked before signing in is the one she gets, and keeps (issue 13, part 3).
        locale: languageChosenBeforeSignIn(),
      },
      {
        onError: (failure) => {
          if (isApiError(failure, "totp_required") || isCodeRefusal(failure)) {
            setNeedsCode(true);
            setTotpCode("");
            codeRef.current?.focus();
          }
        },
      },
    );
  };

  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t("auth.signInTitle")}
          </Title>
          {state.reason && !signIn.isPending && !error && (
            <Alert color="teal" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {t(`auth.${state.reason}`)}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t("auth.signInIntro")}
          </Text>
          {formError && <ErrorAlert error={formError} />}
          <TextInput
            label={t("auth.username")}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={localErrors.username ?? serverFieldErrors.username}
            readOnly={needsCode}
          />
          <PasswordField
            label={t("auth.password")}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={localErrors.password ?? serverFieldErrors.password}
            readOnly={needsCode}
          />
          {needsCode && (
            <>
              {isApiError(error, "totp_required") && (
                <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                  {error.detail}
                </Alert>
              )}
              <TextInput
                ref={codeRef}
                label={t("auth.totpCode")}
                description={t("auth.totpCodeHint")}
                name="totpCode"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                value={totpCode}
                onChange={(event) => setTotpCode(event.currentTarget.value.replace(/\D/g, ""))}
                error={codeError}
                styles={{ input: { letterSpacing: "0.3em", fontFamily: "monospace", fontSize: "1.2rem" } }}
              />
            </>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth size="md">
            {t("auth.signIn")}
          </Button>
          {/* Citizens who land here have nothing to sign in to: the way to write to the commune. */}
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/public/feedback">
              {t("feedback:form.title")}
            </Anchor>
            {" · "}
            <Anchor component={Link} to="/public/feedback/track">
              {t("feedback:track.title")}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
