import { vi } from "vitest";
import type { Me } from "../../contracts/auth";

/**
 * What the tests of the field store need in Node: the browser pieces it uses, a signed-in field
 * worker and a downloaded cycle. Shared by the offline tests and the features' tests of field work,
 * each of which imports "fake-indexeddb/auto" first (before Dexie loads).
 */
// The store keeps whose data it is in localStorage and asks navigator.storage for persistence: give
// Node the two small browser pieces it lacks.
export const local = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (key: string) => local.get(key) ?? null,
  setItem: (key: string, value: string) => local.set(key, value),
  removeItem: (key: string) => local.delete(key),
});
vi.stubGlobal("navigator", { storage: { persisted: async () => false, persist: async () => true } });

export function me(id: string, name: string): Me {
  return {
    id,
    username: name.toLowerCase(),
    displayName: name,
    roles: ["facilitator"],
    area: { national: false, codes: ["150101"] },
    locale: "km",
    organisationId: null,
    totpEnabled: false,
    mustEnrolTotp: false,
    abilities: ["cycle:facilitate"],
  };
}

export const cycle = {
  id: "0190a000-0000-7000-8000-000000000001",
  year: 2026,
  sectorCode: "PS",
  communeCode: "150101",
  programme: { id: "0190a000-0000-7000-8000-0000000000aa", nameKm: "កម្មវិធី", nameEn: "Programme" },
  facility: {
    id: "0190a000-0000-7000-8000-0000000000bb",
    code: "PS-1",
    nameKm: "សាលា",
    nameEn: "Secret School Name",
  },
  path: [],
  status: "planned" as const,
  version: 1,
  can: { createCommunity: true, createSelf: false },
};
