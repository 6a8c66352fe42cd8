import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Me, SessionInfo } from "../../../contracts/auth";
import { ApiError, api, onUnauthorized, setCsrfToken } from "../../api/client";
import i18n, { type Language, rememberLanguage } from "../../i18n";
import { lock, openStore } from "../../offline/field-store";

export const SESSION_KEY = ["auth", "session"] as const;

/** Why the user landed on the sign-in page; shown there as a message. */
export type SignInReason = "signedOut" | "signedOutEverywhere" | "passwordChanged" | "sessionEnded";

let lastSignInReason: SignInReason | null = null;

/** Why the last session ended, for the sign-in page; null on a first visit. */
export function signInReason(): SignInReason | null {
  return lastSignInReason;
}

/**
 * The current session, or null when nobody is signed in (the API answers 401). With no network, a
 * field worker whose store is open on this device carries on as herself: her work is on the device,
 * and the server checks her session again when the outbox is sent.
 */
async function fetchSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>("/api/v1/auth/session", { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    const field = openStore();
    if (error instanceof ApiError && error.status === 0 && field) return { user: field.me, csrfToken: "" };
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The signed-in user. Only for screens behind the sign-in guard, where a session always exists. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error("useMe() used outside a signed-in screen");
  return data.user;
}

/** True when the signed-in user holds the ability (the server still checks every request). */
export function useCan(): (ability: string) => boolean {
  const { data } = useSession();
  const abilities = data?.user.abilities;
  return useCallback((ability: string) => abilities?.includes(ability) ?? false, [abilities]);
}

/**
 * The language a person picked while signed out, in this visit of the tab (on the sign-in page or
 * before it, across reloads): her sign-in takes it and saves it as hers (issue 13, part 3). Nothing
 * picked: her saved one stays.
 */
const CHOSEN_KEY = "samleng.languageChosenSignedOut";
export function languageChosenBeforeSignIn(): Language | undefined {
  const chosen = sessionStorage.getItem(CHOSEN_KEY);
  return chosen === "km" || chosen === "en" ? chosen : undefined;
}

/** Takes a session the server has just opened (sign-in): keeps its token and shows the user's language. */
export function acceptSession(queryClient: QueryClient, session: SessionInfo): void {
  lastSignInReason = null;
  sessionStorage.removeItem(CHOSEN_KEY);
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
  rememberLanguage(session.user.locale);
  void i18n.changeLanguage(session.user.locale);
}

/** Forgets the session and everything fetched under it (another user may sign in next on this device). */
export function dropSession(queryClient: QueryClient, reason: SignInReason): void {
  lastSignInReason = reason;
  // The field store's key leaves memory with the session: whoever signs in next unlocks their own.
  lock();
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

/** When any request answers 401, the session is gone: the sign-in guard then sends the user to sign in. */
export function watchForLostSession(queryClient: QueryClient): void {
  onUnauthorized(() => {
    if (queryClient.getQueryData(SESSION_KEY)) dropSession(queryClient, "sessionEnded");
  });
}

/**
 * Switches the language shown. Signed in, the choice is saved for the user (PUT preferences);
 * signed out, it is remembered on this device.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useCallback(
    async (language: Language) => {
      rememberLanguage(language);
      await i18n.changeLanguage(language);
      const session = queryClient.getQueryData<SessionInfo | null>(SESSION_KEY);
      if (!session) sessionStorage.setItem(CHOSEN_KEY, language);
      if (!session || session.user.locale === language) return;
      queryClient.setQueryData<SessionInfo>(SESSION_KEY, {
        ...session,
        user: { ...session.user, locale: language },
      });
      await api.put("/api/v1/auth/preferences", { locale: language });
    },
    [queryClient],
  );
}
