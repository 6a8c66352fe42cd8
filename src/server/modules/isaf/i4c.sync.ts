import { z } from "zod";
import { Uuid } from "../../../contracts/common";
import { I4cSessionInput } from "../../../contracts/isaf";
import { type CommandDefinition, define, type SyncContribution } from "../sync/sync.service";
import * as i4c from "./i4c.service";
import * as i4cPhotos from "./i4c-photos.service";

/**
 * The field app's I4C commands (issue 4: outreach sessions recorded offline, with photos), registered
 * with the sync registry (src/server/sync.ts). Each runs
 * through the same service as the online API. Sessions carry no version of their own (edits use
 * updatedAt), so neither command is versioned, and the answer's version is the I4C pack's (the
 * cycle's), which a later pack command would need.
 */
export const I4C_COMMANDS: Record<string, CommandDefinition<unknown>> = {
  /** recordId: the session's id, made on the device. Payload: the API's session body plus cycleId. */
  "i4c.recordSession": define({
    payload: I4cSessionInput.extend({ cycleId: Uuid }),
    versioned: false,
    run: async (ctx, id, { cycleId, ...session }) => {
      const pack = await i4c.addSession(ctx, cycleId, { ...session, id });
      return { version: pack.version };
    },
  }),
  /** recordId: the session's id. Payload: the cycle and the device's completed upload of the photo. */
  "i4c.attachSessionPhoto": define({
    payload: z.object({ cycleId: Uuid, uploadId: Uuid }),
    versioned: false,
    run: async (ctx, id, { cycleId, uploadId }) => {
      const pack = await i4cPhotos.attachUpload(ctx, cycleId, id, uploadId);
      return { version: pack.version };
    },
  }),
};

export const I4C_SYNC: SyncContribution = { commands: I4C_COMMANDS };
