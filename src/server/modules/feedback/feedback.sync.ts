import { WrittenFeedbackBody } from "../../../contracts/feedback";
import { define, type SyncContribution } from "../sync/sync.service";
import * as feedback from "./feedback.written";

/**
 * The field app's feedback command (issue 5): a citizen's message written down by a facilitator,
 * offline, registered with the sync registry (src/server/sync.ts). recordId: the message's id, made on
 * the device. A message has no version the phone edits, so the command is not versioned.
 */
export const FEEDBACK_SYNC: SyncContribution = {
  commands: {
    "feedback.write": define({
      payload: WrittenFeedbackBody,
      versioned: false,
      run: async (ctx, id, written) => {
        const message = await feedback.writeDown(ctx, id, written);
        return { version: message.version };
      },
    }),
  },
};
