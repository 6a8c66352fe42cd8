import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { IndicatorList } from "../../../contracts/isaf";
import type { PlaceSummary } from "../../../contracts/places";
import type { IndicatorRef, Scorecard } from "../../../contracts/scorecards";
import type { SyncCycle } from "../../../contracts/sync";
import { catalogueUrl, villagesUrl } from "../../api/reference-urls";
import type { OutboxEntry } from "../../offline/field-db";
import {
  outboxEntry,
  readRecord,
  readReference,
  sealRecord,
  storeChange,
  writeUnlessQueued,
} from "../../offline/field-records";
import { openStore } from "../../offline/field-store";
import { applyToCard, type Lookups, newCard } from "./card-reducer";
import { type CardRequest, commandsFor } from "./card-requests";

/**
 * Score cards held in the field store (the "scorecard" record kind, features/field/field.kinds.ts):
 * a change made offline is queued as commands and applied to the local copy (card-requests.ts,
 * card-reducer.ts) in one IndexedDB transaction (storeChange), with the lookups the reducer needs
 * read from the reference data kept on the device.
 */

async function lookupsFor(card: Scorecard): Promise<Lookups> {
  const catalogue = await readReference<z.infer<typeof IndicatorList>>(
    catalogueUrl(card.cycle.sectorCode, card.cycle.programme.id),
  );
  const villages = await readReference<{ items: PlaceSummary[] }>(villagesUrl(card.cycle.communeCode));
  const indicators = new Map<string, IndicatorRef>(
    (catalogue?.items ?? []).map((item) => [
      item.id,
      { id: item.id, code: item.code, nameKm: item.nameKm, nameEn: item.nameEn, status: item.status },
    ]),
  );
  return {
    indicator: (id) => indicators.get(id),
    village: (code) => villages?.items.find((village) => village.code === code),
  };
}

/**
 * Queues the change of a card held on the device (one or more commands) and applies it to the local
 * copy. Returns the new local card, or null when the change is not field work (it then goes to the
 * API directly).
 */
export function changeHeldCard(cardId: string, request: CardRequest): Promise<Scorecard | null> {
  return oneAtATime(cardId, () => changeHeldCardNow(cardId, request));
}

/**
 * Changes of one card run one after the other: each reads the card the previous one wrote, so that
 * two quick changes (one participant's scores, then the next) both reach the local copy and each
 * command carries the right base version.
 */
const cardQueues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(cardId: string, work: () => Promise<T>): Promise<T> {
  const previous = cardQueues.get(cardId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  cardQueues.set(cardId, settled);
  void settled.then(() => {
    if (cardQueues.get(cardId) === settled) cardQueues.delete(cardId);
  });
  return next;
}

async function changeHeldCardNow(cardId: string, request: CardRequest): Promise<Scorecard | null> {
  const card = await readRecord<Scorecard>("scorecard", cardId);
  if (!card) return null;
  const commands = commandsFor(card, request);
  if (!commands) return null;
  const lookups = await lookupsFor(card);
  let updated = card;
  const entries: OutboxEntry[] = [];
  for (const command of commands) {
    updated = applyToCard(updated, command, lookups);
    entries.push(
      await outboxEntry(
        { type: command.type, recordId: cardId, baseVersion: command.baseVersion },
        command.payload,
      ),
    );
  }
  await storeChange(entries, await sealRecord("scorecard", updated));
  return updated;
}

/**
 * Keeps the server's copy of a card held on the device (after a change made through the API), unless
 * commands for it still wait: the device's copy has them, the server's does not yet.
 */
export async function keepIfHeld(card: Scorecard): Promise<void> {
  if (!openStore() || !(await readRecord("scorecard", card.id))) return;
  await writeUnlessQueued(await sealRecord("scorecard", card));
}

/** Makes a card for a downloaded cycle on the device; the server gets it as scorecard.create. */
export async function createHeldCard(
  cycle: SyncCycle,
  kind: Scorecard["kind"],
  mode: Scorecard["mode"],
): Promise<Scorecard> {
  const id = uuidv7();
  const { status: _status, version: _version, can: _can, ...ref } = cycle;
  const card = newCard(id, ref, kind, mode);
  const entry = await outboxEntry(
    { type: "scorecard.create", recordId: id, baseVersion: null },
    { cycleId: cycle.id, kind, mode },
  );
  await storeChange([entry], await sealRecord("scorecard", card));
  return card;
}
