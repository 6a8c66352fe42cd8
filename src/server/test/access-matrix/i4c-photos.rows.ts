import type { LightMyRequestResponse } from "fastify";
import { i4cSessionPhotos } from "../../db/schema";
import * as media from "../../modules/media/media.service";
import { createCycle } from "../isaf-fixtures";
import { both, everyone, type ModuleMatrix, type Where } from "./kit";

/**
 * The photos of I4C dissemination sessions: read by whoever may read the cycle's I4C pack (every
 * signed-in user within their area). Attaching them is a sync command, not a route.
 */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const zero = { under_15: 0, "15_17": 0, "18_30": 0, "31_59": 0, "60_plus": 0 };
const SESSION = { heldOn: "2026-02-10", attendance: { female: { ...zero, "18_30": 4 }, male: zero } };

/** A session with a photo, in a cycle of each area. */
const fixtures: Record<Where, { cycle: string; session: string; media: string }> = {
  in: { cycle: "", session: "", media: "" },
  out: { cycle: "", session: "", media: "" },
};

async function expectOk(response: Promise<LightMyRequestResponse>) {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`matrix setup: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

export const i4cPhotosMatrix: ModuleMatrix = {
  setup: async (kit) => {
    for (const where of ["in", "out"] as const) {
      const { cycleId } = await createCycle(kit.db(), { communeCode: kit.places[where].commune });
      const pack = await expectOk(kit.asNational("POST", `/api/v1/cycles/${cycleId}/i4c/sessions`, SESSION));
      const sessionId = pack.sessions[0].id;
      const photo = await media.store(
        kit.db(),
        null,
        { fileName: "session.png", contentType: "image/png", data: PNG },
        media.IMAGE_TYPES,
      );
      await kit.db().insert(i4cSessionPhotos).values({ mediaId: photo.id, sessionId });
      fixtures[where] = { cycle: cycleId, session: sessionId, media: photo.id };
    }
  },

  rows: ({ call }) => [
    ...both((where) => ({
      route: "GET /api/v1/cycles/:cycleId/i4c/sessions/:sessionId/photos/:mediaId",
      expect: where === "in" ? everyone(200) : everyone(404, 200),
      send: (p) => {
        const { cycle, session, media: mediaId } = fixtures[where];
        return call(p, "GET", `/api/v1/cycles/${cycle}/i4c/sessions/${session}/photos/${mediaId}`);
      },
    })),
  ],
};
