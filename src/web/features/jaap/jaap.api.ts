import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActionDetail,
  ActionInput,
  ActionPage,
  Committee,
  CycleActions,
  InterfaceMeetingInput,
  InterfaceMeetingView,
  JaapCycle,
  MemberInput,
  StoredPhoto,
} from "../../../contracts/jaap";
import { api, upload, withQuery } from "../../api/client";

export type {
  Action,
  ActionDetail,
  ActionStatus,
  Committee,
  ResponsibleParty,
} from "../../../contracts/jaap";
export type JaapCycleBody = z.infer<typeof JaapCycle>;
export type MeetingView = z.infer<typeof InterfaceMeetingView>;
export type Attendance = z.infer<typeof InterfaceMeetingInput>["attendance"];
export type ActionPageBody = z.infer<typeof ActionPage>;
export type ActionListItem = ActionPageBody["items"][number];
export type ActionFormInput = z.input<typeof ActionInput>;
export type Member = Committee["members"][number];
export type MemberFormInput = z.input<typeof MemberInput>;
export type Photo = z.infer<typeof StoredPhoto>;

export interface ActionFilters {
  place?: string;
  year?: number;
  sector?: string;
  status?: string;
  overdue?: "1";
  mine?: "1";
  limit: number;
  offset: number;
}

/** Everything cached under "jaap" is refreshed together after a change. */
export const jaapKeys = {
  all: ["jaap"] as const,
  cycle: (cycleId: string) => ["jaap", "cycle", cycleId] as const,
  meeting: (cycleId: string) => ["jaap", "meeting", cycleId] as const,
  actions: (cycleId: string) => ["jaap", "actions", cycleId] as const,
  action: (id: string) => ["jaap", "action", id] as const,
  list: (filters: ActionFilters) => ["jaap", "list", filters] as const,
  committee: (cycleId: string) => ["jaap", "committee", cycleId] as const,
};

const cycleUrl = (cycleId: string) => `/api/v1/cycles/${encodeURIComponent(cycleId)}`;
const actionUrl = (id: string) => `/api/v1/jaap/actions/${encodeURIComponent(id)}`;

/** The address of an evidence photo (served only to those who may read the action). */
export const photoUrl = (actionId: string, mediaId: string) => `${actionUrl(actionId)}/photos/${mediaId}`;

export function useJaapCycle(cycleId: string) {
  return useQuery({
    queryKey: jaapKeys.cycle(cycleId),
    queryFn: ({ signal }) => api.get<JaapCycleBody>(`${cycleUrl(cycleId)}/jaap`, { signal }),
  });
}

export function useMeeting(cycleId: string) {
  return useQuery({
    queryKey: jaapKeys.meeting(cycleId),
    queryFn: ({ signal }) => api.get<MeetingView>(`${cycleUrl(cycleId)}/interface-meeting`, { signal }),
  });
}

export function useCycleActions(cycleId: string) {
  return useQuery({
    queryKey: jaapKeys.actions(cycleId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof CycleActions>>(`${cycleUrl(cycleId)}/jaap/actions`, { signal }),
  });
}

/** One action with its progress updates (loaded when the person opens it). */
export function useAction(id: string, enabled = true) {
  return useQuery({
    queryKey: jaapKeys.action(id),
    queryFn: ({ signal }) => api.get<ActionDetail>(actionUrl(id), { signal }),
    enabled,
  });
}

export function useActionList(filters: ActionFilters) {
  return useQuery({
    queryKey: jaapKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<ActionPageBody>(withQuery("/api/v1/jaap/actions", { ...filters }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCommittee(cycleId: string) {
  return useQuery({
    queryKey: jaapKeys.committee(cycleId),
    queryFn: ({ signal }) => api.get<Committee>(`${cycleUrl(cycleId)}/committee`, { signal }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: jaapKeys.all });
}

/** A mutation whose success refreshes every JAAP query. */
function useJaapMutation<In, Out>(send: (input: In) => Promise<Out>) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: send, onSuccess: () => refresh() });
}

export function useSaveMeeting(cycleId: string) {
  return useJaapMutation((input: z.input<typeof InterfaceMeetingInput>) =>
    api.put<MeetingView>(`${cycleUrl(cycleId)}/interface-meeting`, input),
  );
}

export function useCreateAction(cycleId: string) {
  return useJaapMutation((input: ActionFormInput) =>
    api.post<ActionDetail>(`${cycleUrl(cycleId)}/jaap/actions`, input),
  );
}

export function useEditAction(id: string) {
  return useJaapMutation((input: ActionFormInput & { version: number }) =>
    api.put<ActionDetail>(actionUrl(id), input),
  );
}

export function useAddProgress(id: string) {
  return useJaapMutation((input: { note: string; status: string; photoIds: string[]; version: number }) =>
    api.post<ActionDetail>(`${actionUrl(id)}/updates`, input),
  );
}

export function useDropAction(id: string) {
  return useJaapMutation((input: { reason: string; version: number }) =>
    api.post<ActionDetail>(`${actionUrl(id)}/drop`, input),
  );
}

/** Uploads one photo (step 1 of an update with photos); the update then names its id. */
export function uploadPhoto(actionId: string, file: File, onProgress?: (fraction: number) => void) {
  const form = new FormData();
  form.append("file", file, file.name);
  return upload<Photo>(`${actionUrl(actionId)}/photos`, form, onProgress);
}

export function useAddMember(cycleId: string) {
  return useJaapMutation((input: MemberFormInput) =>
    api.post<Committee>(`${cycleUrl(cycleId)}/committee/members`, input),
  );
}

export function useEditMember(cycleId: string) {
  return useJaapMutation(({ id, ...input }: MemberFormInput & { id: string; updatedAt: string }) =>
    api.put<Committee>(`${cycleUrl(cycleId)}/committee/members/${id}`, input),
  );
}

export function useRemoveMember(cycleId: string) {
  return useJaapMutation(({ id, updatedAt }: { id: string; updatedAt: string }) =>
    api.delete<Committee>(`${cycleUrl(cycleId)}/committee/members/${id}`, { updatedAt }),
  );
}

export function useMarkFormed(cycleId: string) {
  return useJaapMutation((input: { overrideReason?: string }) =>
    api.post<Committee>(`${cycleUrl(cycleId)}/committee/formed`, input),
  );
}

export function useUnform(cycleId: string) {
  return useJaapMutation(() =>
    api.post<Committee>(`${cycleUrl(cycleId)}/committee/unformed`, { confirm: true }),
  );
}
