import { WrittenFeedbackBody } from "../../../contracts/feedback";
import * as feedback from "../feedback/feedback.written";
import { type CommandDefinition, define } from "./sync.definition";

/**
 * The field app's feedback command (issue 5): a citizen's message written down by a facilitator,
 * offline, spread into the registry COMMANDS (sync.commands.ts). recordId: the message's id, made on
 * the device. A message has no version the phone edits, so the command is not versioned.
 */
export const FEEDBACK_COMMANDS: Record<string, CommandDefinition<unknown>> = {
  "feedback.write": define({
    payload: WrittenFeedbackBody,
    versioned: false,
    run: async (ctx, id, written) => {
      const message = await feedback.writeDown(ctx, id, written);
      return { version: message.version };
    },
  }),
};
