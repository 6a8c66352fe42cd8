import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { SessionInfo, SignInBody, TotpSetup } from "../../../contracts/auth";
import { api, isApiError } from "../../api/client";
import {
  changeStorePassword,
  isFieldWorker,
  lock,
  openAfterSignIn,
  wipeFor,
} from "../../offline/field-store";
import { acceptSession, dropSession, SESSION_KEY } from "./session";

type SignInInput = z.input<typeof SignInBody>;
export type TotpSetupBody = z.infer<typeof TotpSetup>;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<SessionInfo>("/api/v1/auth/sign-in", input),
    onSuccess: async (session, input) => {
      // Field workers get their encrypted store on this device, keyed from the password just typed.
      if (isFieldWorker(session.user)) await openAfterSignIn(session.user, input.password);
      else lock(); // another user's store, if open, is not for this one
      acceptSession(queryClient, session);
    },
  });
}

/** Ends this session, or (everywhere) every session of the user. A session already gone counts as done. */
export function useSignOut(everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post(everywhere ? "/api/v1/auth/sign-out-everywhere" : "/api/v1/auth/sign-out");
      } catch (error) {
        if (!isApiError(error) || error.status !== 401) throw error;
      }
    },
    onSuccess: async () => {
      // Signing out is leaving the device: the field store goes too (the menu warned about unsent work).
      const session = queryClient.getQueryData<SessionInfo | null>(SESSION_KEY);
      if (session) await wipeFor(session.user.id);
      dropSession(queryClient, everywhere ? "signedOutEverywhere" : "signedOut");
    },
  });
}

/** The server ends the session after a password change; the user signs in again with the new one. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post("/api/v1/auth/password", body),
    onSuccess: async (_result, body) => {
      await changeStorePassword(body.currentPassword, body.newPassword);
      dropSession(queryClient, "passwordChanged");
    },
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetupBody>("/api/v1/auth/totp/setup") });
}

export function useTotpEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post("/api/v1/auth/totp/enable", { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post("/api/v1/auth/totp/disable", { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
