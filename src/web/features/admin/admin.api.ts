import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditPage, AuditQuery } from "../../../contracts/audit";
import type {
  OrganisationInput as OrganisationInputSchema,
  OrganisationKind as OrganisationKindSchema,
  OrganisationList,
  Organisation as OrganisationSchema,
} from "../../../contracts/organisations";
import type {
  RoleSettings as RoleSettingsSchema,
  User,
  UserCreate,
  UserPage as UserPageSchema,
  UserUpdate,
} from "../../../contracts/users";
import { api, withQuery } from "../../api/client";
import { SESSION_KEY } from "../auth/session";

export type { User } from "../../../contracts/users";
export type UserPage = z.infer<typeof UserPageSchema>;
export type UserCreateBody = z.input<typeof UserCreate>;
export type UserUpdateBody = z.input<typeof UserUpdate>;
export type RoleSettings = z.infer<typeof RoleSettingsSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;
export type OrganisationBody = z.input<typeof OrganisationInputSchema>;
export type AuditEventPage = z.infer<typeof AuditPage>;
export type AuditEvent = AuditEventPage["items"][number];
/** The filters of GET /api/v1/audit, as the page keeps them (strings from the address bar). */
export type AuditFilters = Partial<Omit<z.input<typeof AuditQuery>, "limit" | "offset">> & {
  limit: number;
  offset: number;
};

/** The filters of GET /api/v1/users. */
export interface UserFilters {
  q?: string;
  role?: string;
  organisationId?: string;
  status?: "active" | "inactive" | "all";
  limit: number;
  offset: number;
}

export const adminKeys = {
  users: ["admin", "users"] as const,
  userList: (filters: UserFilters) => ["admin", "users", "list", filters] as const,
  user: (id: string) => ["admin", "users", "one", id] as const,
  roles: ["admin", "roles"] as const,
  organisations: ["organisations"] as const,
  organisationList: (filters: { q?: string; kind?: string }) => ["organisations", "list", filters] as const,
  audit: (filters: AuditFilters) => ["admin", "audit", filters] as const,
};

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: adminKeys.userList(filters),
    queryFn: ({ signal }) => api.get<UserPage>(withQuery("/api/v1/users", { ...filters }), { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After a change to a user: the lists are stale, the user's own record is fresh, and so is my session if it was me. */
function useUserSaved() {
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.setQueryData(adminKeys.user(user.id), user);
    void queryClient.invalidateQueries({ queryKey: [...adminKeys.users, "list"] });
    void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
    void queryClient.invalidateQueries({ queryKey: ["admin", "audit"] });
    const session = queryClient.getQueryData<{ user: { id: string } } | null>(SESSION_KEY);
    if (session?.user.id === user.id) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

export function useCreateUser() {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api.post<User>("/api/v1/users", body),
    onSuccess: saved,
  });
}

export function useUpdateUser(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (body: UserUpdateBody) => api.put<User>(`/api/v1/users/${encodeURIComponent(id)}`, body),
    onSuccess: saved,
  });
}

/** The administrator sets a new password: the user's sessions end and a lockout is lifted. */
export function useSetPassword(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (password: string) =>
      api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/password`, { password }),
    onSuccess: saved,
  });
}

/** The body of PUT /api/v1/users/:id from a user as the API sent it, with some fields replaced. */
export function updateBodyOf(user: User, changes: Partial<UserUpdateBody> = {}): UserUpdateBody {
  return {
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    organisationId: user.organisationId,
    roles: user.roles,
    area: user.area,
    facilityIds: user.facilities.map((facility) => facility.id),
    locale: user.locale,
    active: user.active,
    ...changes,
  };
}

export function useRoleSettings(enabled = true) {
  return useQuery({
    queryKey: adminKeys.roles,
    queryFn: ({ signal }) => api.get<RoleSettings>("/api/v1/roles", { signal }),
    enabled,
  });
}

export function useSetRoleSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, requireTotp }: { role: string; requireTotp: boolean }) =>
      api.put<RoleSettings>(`/api/v1/roles/${encodeURIComponent(role)}`, { requireTotp }),
    // The switch moves at once; it moves back if the server refuses.
    onMutate: async ({ role, requireTotp }) => {
      await queryClient.cancelQueries({ queryKey: adminKeys.roles });
      const before = queryClient.getQueryData<RoleSettings>(adminKeys.roles);
      if (before) {
        queryClient.setQueryData<RoleSettings>(adminKeys.roles, {
          items: before.items.map((item) => (item.role === role ? { ...item, requireTotp } : item)),
        });
      }
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(adminKeys.roles, context.before);
    },
    onSuccess: (settings) => {
      queryClient.setQueryData(adminKeys.roles, settings);
      // My own session may now require two-factor enrolment.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void queryClient.invalidateQueries({ queryKey: ["admin", "audit"] });
    },
  });
}

export function useOrganisations(filters: { q?: string; kind?: string } = {}) {
  return useQuery({
    queryKey: adminKeys.organisationList(filters),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof OrganisationList>>(withQuery("/api/v1/organisations", { ...filters }), {
        signal,
      }),
    select: (body) => body.items,
    placeholderData: keepPreviousData,
  });
}

export function useSaveOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OrganisationBody }) =>
      id
        ? api.put<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, body)
        : api.post<Organisation>("/api/v1/organisations", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
      // Users show their organisation's name.
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: ["admin", "audit"] });
    },
  });
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ signal }) => api.get<AuditEventPage>(withQuery("/api/v1/audit", { ...filters }), { signal }),
    placeholderData: keepPreviousData,
  });
}
