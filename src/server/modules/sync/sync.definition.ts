import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import type { Edit } from "../scorecards/scorecards.edit";

/**
 * What the push needs to know of one command type (the registry is COMMANDS in sync.commands.ts).
 * A command that makes a record, or changes anything but a score card, names its service (`run`);
 * a change of a score card names the service's change (`edit`, see sync.commands.ts).
 */
export interface CommandDefinition<Payload> {
  payload: z.ZodType<Payload>;
  /**
   * The API needs the record's version: the command must carry baseVersion. A score card's change
   * that names its fields (EditOptions.fields) merges by stamp on a draft instead of checking it.
   */
  versioned: boolean;
  /** A command run by its service (scorecard.create, the I4C commands), answering with the record's version. */
  run?(ctx: Ctx, recordId: string, payload: Payload, version: number): Promise<{ version: number }>;
  /** A change of a card (every other command): the service's change. */
  edit?(ctx: Ctx, recordId: string, payload: Payload, version: number): Edit;
  /** Several commands of this (unversioned) type in a row as one change: a meeting's 60 participants' scores. */
  editMany?(ctx: Ctx, recordId: string, payloads: Payload[]): Edit;
}

export function define<Payload>(definition: CommandDefinition<Payload>): CommandDefinition<unknown> {
  return definition as CommandDefinition<unknown>;
}
