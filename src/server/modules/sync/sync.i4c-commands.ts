import { z } from "zod";
import { Uuid } from "../../../contracts/common";
import { I4cSessionInput } from "../../../contracts/isaf";
import type { Ctx } from "../../platform/context";
import * as i4c from "../isaf/i4c.service";
import * as i4cPhotos from "../isaf/i4c-photos.service";
import type { COMMANDS } from "./sync.commands";

/**
 * The field app's I4C commands (issue 4: outreach sessions recorded offline, with photos), in the
 * shape of the entries of COMMANDS (sync.commands.ts), which spreads them into the registry. Each runs
 * through the same service as the online API. Sessions carry no version of their own (edits use
 * updatedAt), so neither command is versioned, and the answer's version is the I4C pack's (the
 * cycle's), which a later pack command would need.
 */
type RegistryEntry = (typeof COMMANDS)[string];

interface I4cCommand<Payload> {
  payload: z.ZodType<Payload>;
  versioned: boolean;
  run(ctx: Ctx, recordId: string, payload: Payload, version: number): Promise<{ version: number }>;
}

function define<Payload>(definition: I4cCommand<Payload>): RegistryEntry {
  return definition as RegistryEntry;
}

export const I4C_COMMANDS: Record<string, RegistryEntry> = {
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
