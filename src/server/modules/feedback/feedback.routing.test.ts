import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitFeedback } from "../../test/feedback-fixtures";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";
import { createFacility } from "../../test/isaf-fixtures";

/**
 * Routing within a commune (issue 5, part 4): a message about a school reaches that school's
 * director and the commune council, not the health centre. A provider reads the messages about the
 * facilities she runs, and those about their sector that name no facility; any other reads as not
 * found, as if out of her area.
 */

let t: TestApp;
let council: Caller;
let director: Caller;
let chief: Caller;
let unlinked: Caller;
let school: string;
let otherSchool: string;
let clinic: string;

const submit = (body: object) => submitFeedback(t, body);
const idsOf = async (caller: Caller) =>
  ((await caller.get("/api/v1/feedback?queue=general&limit=100")).json().items as { id: string }[]).map(
    (item) => item.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  school = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  otherSchool = await createFacility(t.db, { communeCode: "150101", kindCode: "PS" });
  clinic = await createFacility(t.db, { communeCode: "150101", kindCode: "HC" });
  council = await t.as({ roles: ["commune_council"], area: ["150101"] });
  director = await t.as({ roles: ["service_provider"], area: ["150101"], facilities: [school] });
  chief = await t.as({ roles: ["service_provider"], area: ["150101"], facilities: [clinic] });
  unlinked = await t.as({ roles: ["service_provider"], area: ["150101"] });
});
afterAll(() => t.close());

describe("a service provider's queue", () => {
  it("holds her facility's messages and her sector's unnamed ones; the council holds them all", async () => {
    const aboutSchool = await submit({ sectorCode: "PS", facilityId: school, text: "Toilets locked." });
    const aboutSchools = await submit({ sectorCode: "PS", text: "Books are short in every school." });
    const aboutOtherSchool = await submit({ sectorCode: "PS", facilityId: otherSchool, text: "No water." });
    const aboutClinic = await submit({ sectorCode: "HC", facilityId: clinic, text: "No medicine." });
    const aboutCommune = await submit({ sectorCode: null, topic: "other", text: "The road floods." });

    const forDirector = await idsOf(director);
    expect(forDirector).toEqual(expect.arrayContaining([aboutSchool.id, aboutSchools.id]));
    for (const other of [aboutOtherSchool, aboutClinic, aboutCommune])
      expect(forDirector).not.toContain(other.id);

    const forChief = await idsOf(chief);
    expect(forChief).toContain(aboutClinic.id);
    for (const other of [aboutSchool, aboutSchools, aboutOtherSchool, aboutCommune])
      expect(forChief).not.toContain(other.id);

    const forCouncil = await idsOf(council);
    for (const every of [aboutSchool, aboutSchools, aboutOtherSchool, aboutClinic, aboutCommune])
      expect(forCouncil).toContain(every.id);
  });

  it("reads another facility's message as not found, and cannot answer or take it", async () => {
    const aboutClinic = await submit({ sectorCode: "HC", facilityId: clinic, text: "The nurse was rude." });
    expect((await director.get(`/api/v1/feedback/${aboutClinic.id}`)).statusCode).toBe(404);
    const answered = await director.post(`/api/v1/feedback/${aboutClinic.id}/answer`, {
      text: "Not ours.",
      version: 1,
    });
    expect(answered.statusCode).toBe(404);
    expect(
      (await director.post(`/api/v1/feedback/${aboutClinic.id}/assign`, { take: true, version: 1 }))
        .statusCode,
    ).toBe(404);
    const taken = await chief.post(`/api/v1/feedback/${aboutClinic.id}/assign`, { take: true, version: 1 });
    expect(taken.statusCode, taken.body).toBe(200);
  });

  it("is named in her abilities, so that the app says whose messages she sees", async () => {
    const abilitiesOf = async (caller: Caller) =>
      (await caller.get("/api/v1/auth/session")).json().user.abilities as string[];
    expect(await abilitiesOf(director)).toContain("feedback:own-facilities");
    expect(await abilitiesOf(council)).not.toContain("feedback:own-facilities");
    const both = await t.as({ roles: ["service_provider", "commune_council"], area: ["150101"] });
    expect(await abilitiesOf(both)).not.toContain("feedback:own-facilities");
  });

  it("keeps a director with a district-wide area to her facility's commune for unnamed messages", async () => {
    const wide = await t.as({ roles: ["service_provider"], area: ["1501"], facilities: [school] });
    const nextCommune = await submit({ communeCode: "150102", sectorCode: "PS", text: "Schools next door." });
    const here = await submit({ sectorCode: "PS", text: "Schools here." });
    const seen = await idsOf(wide);
    expect(seen).toContain(here.id);
    expect(seen).not.toContain(nextCommune.id);
  });

  it("is empty for a provider linked to no facility", async () => {
    await submit({ sectorCode: "PS", facilityId: school, text: "Fees for the exam." });
    const page = (await unlinked.get("/api/v1/feedback?queue=general")).json();
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  it("follows the facilities an administrator gives her, from her next request", async () => {
    const aboutOtherSchool = await submit({
      sectorCode: "PS",
      facilityId: otherSchool,
      text: "Broken desks.",
    });
    expect(await idsOf(director)).not.toContain(aboutOtherSchool.id);
    const admin = await t.as({ roles: ["admin"], area: ["15"] });
    const user = (await admin.get(`/api/v1/users/${director.userId}`)).json();
    const changed = await admin.put(`/api/v1/users/${director.userId}`, {
      displayName: user.displayName,
      email: user.email,
      organisationId: user.organisationId,
      roles: user.roles,
      area: user.area,
      locale: user.locale,
      active: user.active,
      facilityIds: [school, otherSchool],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await idsOf(director)).toContain(aboutOtherSchool.id);
  });
});
