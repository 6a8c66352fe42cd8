import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiRequest,
  apiSignIn,
  baseUrl,
  DESKTOP,
  demoSession,
  fromKhmerDigits,
  khmerFontLoaded,
  launchBrowser,
  newPage,
  overflowsHorizontally,
  PHONE,
  pickOption,
  setLanguage,
  shot,
  shownText,
  signIn,
} from "./browser";

/**
 * Field work with no network (issue 4): a facilitator signs in with signal on a 360 px phone in Khmer
 * and downloads her work; then, offline, she runs a whole score-card meeting across a reload and a
 * closed and reopened app (each asking for her password: the work on the phone is encrypted). Back
 * online it syncs by itself through a push cut in the middle and a batch sent twice, and the server
 * holds exactly one copy of everything. Users, facility, programme and cycle come from the API.
 */
let browser: Browser;
let admin: ApiSession;
const RUN = Date.now().toString(36).toUpperCase();
const PASSWORD = "Tonle-Sap-Lantern-42";
const COMMUNE = "150102";
const SCHOOL_KM = `សាលាវាល ${RUN}`;
let facilityId: string;
let programmeId: string;
let indicators: { id: string; code: string; nameKm: string }[];

const api = <T>(method: "GET" | "POST" | "PUT", route: string, body?: unknown) =>
  apiRequest<T>(admin, method, route, body);

async function createFacilitator(
  name: string,
  locale: "km" | "en" = "km",
): Promise<{ id: string; username: string }> {
  const username = `field-${name}-${RUN}`.toLowerCase();
  const user = await api<{ id: string }>("POST", "/api/v1/users", {
    username,
    displayName: `${name} ${RUN}`,
    roles: ["facilitator"],
    area: { national: false, codes: [COMMUNE] },
    locale,
    password: PASSWORD,
  });
  return { id: user.id, username };
}

async function planCycle(facilitatorId: string, year: number): Promise<string> {
  const plan = await api<{ created: { id: string }[] }>("POST", `/api/v1/programmes/${programmeId}/cycles`, {
    year,
    facilityIds: [facilityId],
    facilitatorIds: [facilitatorId],
  });
  return plan.created[0]!.id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await demoSession("admin");
  indicators = (await api<{ items: typeof indicators }>("GET", "/api/v1/indicators?sector=PS&status=active"))
    .items;
  facilityId = (
    await api<{ id: string }>("POST", "/api/v1/facilities", {
      code: `FW-${RUN}`,
      kindCode: "PS",
      nameKm: SCHOOL_KM,
      nameEn: `Field School ${RUN}`,
      communeCode: COMMUNE,
    })
  ).id;
  programmeId = (
    await api<{ id: string }>("POST", "/api/v1/programmes", {
      nameKm: `កម្មវិធីវាល ${RUN}`,
      nameEn: `Field programme ${RUN}`,
      startYear: 2023,
      endYear: 2028,
      communeCodes: [COMMUNE],
    })
  ).id;
});
afterAll(() => browser.close());

/** Signs in through the form (that is what opens the encrypted store) and waits for the service worker. */
async function fieldPage(username: string, viewport = PHONE, locale: "km" | "en" = "km"): Promise<Page> {
  const page = await newPage(browser, viewport, locale);
  await signIn(page, username, PASSWORD);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The reload dropped the store's key from memory: it asks for the password, as on a real phone.
  await unlockWith(page, PASSWORD, locale);
  await page.getByRole("navigation").first().waitFor();
  return page;
}

async function unlockWith(page: Page, password: string, locale: "km" | "en" = "km") {
  const [title, button] =
    locale === "km" ? ["ដោះសោការងារនៅមូលដ្ឋានរបស់អ្នក", "ដោះសោ"] : ["Unlock your field work", "Unlock"];
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole("button", { name: button }).click();
}

/**
 * Moves to another screen inside the app, as a tap on a link does. (page.goto would load the page
 * anew, which locks the field store like any reload.)
 */
async function openInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, "", to);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Downloads the work onto the phone; done when the facility's cycle shows (the field school's by default). */
async function download(page: Page, facilityKm = SCHOOL_KM) {
  await openInApp(page, "/field");
  await page
    .getByRole("button", { name: /ទាញយកការងាររបស់ខ្ញុំ|ធ្វើសមកាលកម្មឥឡូវ/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 2, name: facilityKm }).waitFor();
  await page.getByText("សមកាលកម្មពេញលេញចុងក្រោយ").waitFor();
}

const goToStep = (page: Page, label: RegExp) =>
  page.getByRole("navigation", { name: "ជំហាននៃកិច្ចប្រជុំ" }).getByRole("button", { name: label }).click();

async function addParticipant(page: Page, sex: "ស្រី" | "ប្រុស", age: number) {
  const list = page.getByRole("list", { name: "អ្នកចូលរួម" });
  const before = (await list.count()) ? await list.getByRole("listitem").count() : 0;
  await page.getByRole("button", { name: sex, exact: true }).click();
  await page.getByLabel("អាយុ (ឆ្នាំ)").fill(String(age));
  await page.getByRole("button", { name: "បន្ថែមអ្នកចូលរួម" }).click();
  await expect.poll(() => list.getByRole("listitem").count()).toBe(before + 1);
}

async function pendingShown(page: Page): Promise<number> {
  const text = fromKhmerDigits(await shownText(page.getByTestId("pending-count")));
  return Number(/\d+/.exec(text)?.[0] ?? "0");
}

describe("a score-card meeting with no network, on a phone in Khmer", () => {
  it("records the whole meeting offline across a reload and a reopened app, then syncs exactly once", async () => {
    const facilitator = await createFacilitator("meeting");
    const cycleId = await planCycle(facilitator.id, 2026);
    const page = await fieldPage(facilitator.username);
    await download(page);
    await shot(page, "field-km-phone-1-downloaded");
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.context().setOffline(true);
    await page
      .getByTestId("offline-banner")
      .getByText("ការងារនៅមូលដ្ឋានរបស់អ្នកត្រូវបានរក្សាទុក", { exact: false })
      .waitFor();
    await page.getByRole("link", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.getByRole("button", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
    const cardId = page.url().split("/").pop()!;

    // 1. The meeting: date and village (the commune's villages were downloaded).
    await page.getByLabel("កាលបរិច្ឆេទកិច្ចប្រជុំ").fill("2026-11-20");
    await pickOption(page, page.getByRole("combobox", { name: "ភូមិ" }), /./);
    await page.getByRole("button", { name: "រក្សាទុក" }).click();
    await page.getByRole("main").getByRole("status").filter({ hasText: "បានរក្សាទុក" }).waitFor();

    // 2–3. Participants and the issues they raise.
    await goToStep(page, /អ្នកចូលរួម/);
    await addParticipant(page, "ស្រី", 16);
    await addParticipant(page, "ស្រី", 34);
    await addParticipant(page, "ប្រុស", 52);
    const [a, b] = indicators as [(typeof indicators)[0], (typeof indicators)[0]];
    await goToStep(page, /បញ្ហា/);
    for (const [indicator, who] of [
      [a, ["#១ ស", "#២ ស"]],
      [b, ["#៣ ប"]],
    ] as const) {
      await page.getByRole("radio", { name: `${indicator.code} · ${indicator.nameKm}` }).check();
      for (const chip of who) await page.getByText(chip, { exact: true }).click();
      await page.getByRole("button", { name: "កត់ត្រាបញ្ហា" }).click();
      await page.getByRole("list", { name: "បញ្ហាដែលបានលើកឡើង" }).getByText(indicator.nameKm).waitFor();
    }

    // A reload with no network: the app asks for her password, then carries on where she was.
    await page.reload();
    await unlockWith(page, PASSWORD);
    await page.getByRole("list", { name: "បញ្ហាដែលបានលើកឡើង" }).getByText(b.nameKm).waitFor();
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "field-km-phone-2-issues-after-offline-reload");

    // 4–5. Priorities, then everyone scores with the faces.
    await goToStep(page, /អាទិភាព/);
    await page.getByRole("button", { name: `ជ្រើសរើស ${a.nameKm}` }).click();
    await page.getByRole("button", { name: `ជ្រើសរើស ${b.nameKm}` }).click();
    await page.getByRole("button", { name: "រក្សាទុកអាទិភាព" }).click();
    await expect.poll(() => page.getByRole("button", { name: "រក្សាទុកអាទិភាព" }).isDisabled()).toBe(true);
    await goToStep(page, /ដាក់ពិន្ទុ/);
    const faces = { [a.nameKm]: [2, 4, 5], [b.nameKm]: [1, 3, 3] };
    for (let person = 0; person < 3; person++) {
      for (const [name, scores] of Object.entries(faces)) {
        await page
          .getByRole("radiogroup", { name })
          .getByRole("radio")
          .nth(scores[person]! - 1)
          .click();
      }
      await page.getByRole("button", { name: /រក្សាទុកពិន្ទុរបស់លេខ/ }).click();
      await expect
        .poll(async () =>
          fromKhmerDigits(await shownText(page.getByRole("status").filter({ hasText: "បានដាក់ពិន្ទុ" }))),
        )
        .toContain(`${person + 1} នាក់ក្នុងចំណោម 3`);
    }

    // Results are worked out on the phone by the same rules as the server's.
    await goToStep(page, /លទ្ធផល/);
    const result = page.getByRole("region", { name: new RegExp(a.nameKm) }).filter({ hasText: "មេដ្យាន" });
    expect(fromKhmerDigits(await shownText(result))).toMatch(/មេដ្យាន\s*4/);
    await shot(page, "field-km-phone-3-results-offline");

    // Close the app and open it again, still offline: password again; the sync screen counts what waits.
    await page.close();
    const reopened = await page.context().newPage();
    await reopened.goto(`/scorecards/${cardId}?step=submit`);
    await unlockWith(reopened, PASSWORD);
    await reopened.getByText("អ្វីៗដែលត្រូវការត្រូវបានកត់ត្រារួចហើយ").waitFor();
    await reopened.getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await reopened.getByRole("dialog").getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await reopened.getByText("បានដាក់ស្នើដើម្បីពិនិត្យ៖ ប័ណ្ណត្រូវបានចាក់សោ").waitFor();
    await openInApp(reopened, "/field/sync");
    await reopened.getByRole("heading", { level: 1, name: "សមកាលកម្ម" }).waitFor();
    // create, details, 3 participants, 3 issues (one per participant who raised it), priorities, 3 scores, submit
    expect(await pendingShown(reopened)).toBe(13);
    expect(await overflowsHorizontally(reopened)).toBe(false);
    await shot(reopened, "field-km-phone-4-sync-pending-offline");

    // Back online. The first push reaches the server but its answer is lost (the connection drops);
    // the next is delivered twice. The device sees one answer per command; the server applies each once.
    let pushes = 0;
    await reopened.route("**/api/v1/sync/push", async (route: Route) => {
      pushes += 1;
      if (pushes === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else if (pushes === 2) {
        await route.fetch();
        await route.fulfill({ response: await route.fetch() });
      } else {
        await route.continue();
      }
    });
    await reopened.context().setOffline(false);
    await reopened
      .getByText("អ្វីៗទាំងអស់ដែលបានកត់ត្រានៅលើទូរសព្ទនេះ បានទៅដល់ម៉ាស៊ីនមេហើយ។")
      .waitFor({ timeout: 30_000 });
    expect(pushes).toBeGreaterThanOrEqual(2);
    await shot(reopened, "field-km-phone-5-all-sent");

    const cards = await api<{ community: { id: string; status: string; participantCount: number } | null }>(
      "GET",
      `/api/v1/cycles/${cycleId}/scorecards`,
    );
    expect(cards.community).toMatchObject({ id: cardId, status: "submitted", participantCount: 3 });
    const card = await api<{ scores: unknown[]; issues: unknown[]; priorities: unknown[] }>(
      "GET",
      `/api/v1/scorecards/${cardId}`,
    );
    expect([card.scores.length, card.issues.length, card.priorities.length]).toEqual([6, 3, 2]);
    await reopened.context().close();
  });
});

describe("an outreach session with a photo, recorded offline", () => {
  it("keeps the session and its photo on the phone, then uploads the photo in chunks through a cut", async () => {
    const facilitator = await createFacilitator("outreach");
    const cycleId = await planCycle(facilitator.id, 2024);
    const page = await fieldPage(facilitator.username);
    await download(page);
    // A photo of an attendance sheet: noise, so that it stays large after the phone shrinks it.
    const photo = await page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 1600;
      canvas.height = 1200;
      const context = canvas.getContext("2d")!;
      const image = context.createImageData(canvas.width, canvas.height);
      for (let i = 0; i < image.data.length; i++)
        image.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(image, 0, 0);
      return canvas.toDataURL("image/jpeg", 0.95).split(",")[1]!;
    });

    await page.context().setOffline(true);
    await page.getByRole("link", { name: "កត់ត្រាវគ្គផ្សព្វផ្សាយ" }).click();
    await page.getByRole("heading", { level: 1, name: "កត់ត្រាវគ្គផ្សព្វផ្សាយ" }).waitFor();
    await page.getByLabel("ស្ត្រី និងក្មេងស្រី ១៨–៣០ ឆ្នាំ").fill("7");
    await page.getByLabel("បុរស និងក្មេងប្រុស ៣១–៥៩ ឆ្នាំ").fill("4");
    await page.getByLabel("កំណត់ចំណាំ").fill("វគ្គនៅវត្ត");
    await page.locator('input[type="file"]').setInputFiles({
      name: "attendance.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from(photo, "base64"),
    });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "field-km-phone-8-outreach-session-offline");
    await page.getByRole("button", { name: "រក្សាទុកវគ្គ" }).click();
    const queued = page.getByRole("region", { name: "វគ្គដែលកំពុងរង់ចាំផ្ញើ" });
    await queued.waitFor();
    expect(fromKhmerDigits(await shownText(queued))).toContain("11 នាក់");

    // Online again: the second chunk reaches the server but its answer is lost; the phone asks what
    // arrived and sends only the rest.
    const chunkPuts: string[] = [];
    await page.route("**/api/v1/uploads/*/chunks/*", async (route: Route) => {
      chunkPuts.push(route.request().url().split("/").pop()!);
      if (chunkPuts.length === 2) {
        await route.fetch();
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    await openInApp(page, "/field/sync");
    await page.context().setOffline(false);
    await page.getByText("អ្វីៗទាំងអស់ដែលបានកត់ត្រានៅលើទូរសព្ទនេះ បានទៅដល់ម៉ាស៊ីនមេហើយ។").waitFor({ timeout: 60_000 });
    expect(chunkPuts.length).toBeGreaterThanOrEqual(3);
    // The chunk that went through before the cut is not sent again.
    expect(chunkPuts.filter((index) => index === chunkPuts[1]).length).toBe(1);

    const pack = await api<{
      sessions: { total: number; notes: string | null; photos: { byteSize: number }[] }[];
    }>("GET", `/api/v1/cycles/${cycleId}/i4c`);
    expect(pack.sessions).toHaveLength(1);
    expect(pack.sessions[0]).toMatchObject({ total: 11, notes: "វគ្គនៅវត្ត" });
    expect(pack.sessions[0]!.photos).toHaveLength(1);
    await page.context().close();
  });
});

describe("a citizen's message written down offline", () => {
  it("gives the sender a code at once, keeps the message on the phone, and sends it when online", async () => {
    const facilitator = await createFacilitator("feedback");
    // A health centre of her commune, with a cycle of its own (the school's years are all planned).
    const clinicKm = `មណ្ឌលសុខភាពវាល ${RUN}`;
    const clinic = await api<{ id: string }>("POST", "/api/v1/facilities", {
      code: `FC-${RUN}`,
      kindCode: "HC",
      nameKm: clinicKm,
      nameEn: `Field Clinic ${RUN}`,
      communeCode: COMMUNE,
    });
    await api("POST", `/api/v1/programmes/${programmeId}/cycles`, {
      year: 2026,
      facilityIds: [clinic.id],
      facilitatorIds: [facilitator.id],
    });
    const page = await fieldPage(facilitator.username);
    await download(page, clinicKm);

    await page.context().setOffline(true);
    await page.getByRole("link", { name: "កត់ត្រាសាររបស់ពលរដ្ឋ" }).click();
    await page.getByRole("heading", { level: 1, name: "កត់ត្រាសាររបស់ពលរដ្ឋ" }).waitFor();
    // Nothing chosen: the form says what is missing.
    await page.getByRole("button", { name: "រក្សាទុក ហើយផ្តល់លេខកូដ" }).click();
    await page.getByText("សូមសរសេរយ៉ាងហោចណាស់ ៣ តួអក្សរ។").waitFor();
    await pickOption(page, page.getByRole("combobox", { name: "ប្រធានបទ" }), "ការសុំលុយ");
    const text = `គិលានុបដ្ឋាកសុំលុយ ៥០០០ រៀល ${RUN}`;
    await page.getByRole("textbox", { name: /^សារ/ }).fill(text);
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "field-km-phone-10-feedback-offline");
    await page.getByRole("button", { name: "រក្សាទុក ហើយផ្តល់លេខកូដ" }).click();
    const code = fromKhmerDigits(await shownText(page.getByTestId("tracking-code"))).replace(/\D/g, "");
    expect(code).toMatch(/^\d{10}$/);
    await shot(page, "field-km-phone-11-feedback-code");
    await page.getByRole("link", { name: "ត្រឡប់ទៅការងារវាល" }).click();
    const queued = page.getByRole("region", { name: "សាររបស់ពលរដ្ឋដែលមិនទាន់រក្សាទុក" });
    expect(fromKhmerDigits(await shownText(queued)).replace(/\s/g, "")).toContain(code);

    // Online again: it is sent by itself, and the sender's code opens its status.
    await openInApp(page, "/field/sync");
    await page.context().setOffline(false);
    await page.getByText("អ្វីៗទាំងអស់ដែលបានកត់ត្រានៅលើទូរសព្ទនេះ បានទៅដល់ម៉ាស៊ីនមេហើយ។").waitFor({ timeout: 60_000 });
    const status = await fetch(`${baseUrl()}/api/public/v1/feedback/${code}`);
    expect(await status.json()).toMatchObject({ status: "received" });
    const queue = await api<{
      items: { trackingCode: string; channel: string; facility: { id: string } | null }[];
    }>("GET", "/api/v1/feedback?limit=100");
    expect(queue.items.find((item) => item.trackingCode === code)).toMatchObject({
      channel: "facilitator",
      facility: { id: clinic.id },
    });
    await page.context().close();
  });
});

describe("two phones editing one draft", () => {
  it("keeps what each phone wrote, field by field, whatever order they sync in", async () => {
    const facilitator = await createFacilitator("twophones");
    const cycleId = await planCycle(facilitator.id, 2023);
    // The card is prepared online, up to its priorities.
    const own = await apiSignIn(facilitator.username, PASSWORD);
    const call = <T>(method: "POST" | "PUT", path: string, body: unknown) =>
      apiRequest<T>(own, method, path, body);
    const [a] = indicators as [(typeof indicators)[0]];
    let card = await call<{ id: string; version: number }>("POST", `/api/v1/cycles/${cycleId}/scorecards`, {
      kind: "community",
      mode: "individual",
    });
    card = await call("PUT", `/api/v1/scorecards/${card.id}`, {
      heldOn: "2026-11-30",
      mode: "individual",
      version: card.version,
    });
    card = await call("POST", `/api/v1/scorecards/${card.id}/participants`, {
      participants: [{ sex: "female", age: 20 }],
    });
    card = await call("POST", `/api/v1/scorecards/${card.id}/issues`, {
      indicatorId: a.id,
      participantNumbers: [1],
    });
    card = await call("PUT", `/api/v1/scorecards/${card.id}/priorities`, {
      indicatorIds: [a.id],
      version: card.version,
    });

    const phones = [await fieldPage(facilitator.username), await fieldPage(facilitator.username)] as const;
    for (const phone of phones) {
      await download(phone);
      await phone.context().setOffline(true);
      await openInApp(phone, `/scorecards/${card.id}?step=notes`);
    }
    const write = async (phone: Page, label: string, text: string) => {
      const notes = phone.getByRole("region", { name: a.nameKm });
      await notes.getByLabel(label).fill(text);
      await notes.getByRole("button", { name: "រក្សាទុក" }).click();
      await notes.getByRole("status").waitFor();
    };
    await write(phones[0], "ចំណុចខ្លាំង", "គ្រូមកទាន់ពេល");
    await write(phones[1], "ចំណុចខ្សោយ", "បង្គន់ចាក់សោ");

    // The second phone syncs first, then the first: neither note is lost.
    for (const phone of [phones[1], phones[0]]) {
      await openInApp(phone, "/field/sync");
      await phone.context().setOffline(false);
      await phone.getByText("អ្វីៗទាំងអស់ដែលបានកត់ត្រានៅលើទូរសព្ទនេះ បានទៅដល់ម៉ាស៊ីនមេហើយ។").waitFor({ timeout: 30_000 });
    }
    const merged = await apiRequest<{
      priorities: { strengths: string | null; weaknesses: string | null }[];
    }>(own, "GET", `/api/v1/scorecards/${card.id}`);
    expect(merged.priorities[0]).toMatchObject({ strengths: "គ្រូមកទាន់ពេល", weaknesses: "បង្គន់ចាក់សោ" });

    // The phone that synced first gets the other's note with its next sync.
    await phones[1].getByRole("button", { name: "ធ្វើសមកាលកម្មឥឡូវ" }).click();
    const notes = phones[1].getByRole("region", { name: a.nameKm });
    await expect
      .poll(async () => {
        // The notes form is filled when the step opens: open it again until the pull has arrived.
        await openInApp(phones[1], "/field/sync");
        await openInApp(phones[1], `/scorecards/${card.id}?step=notes`);
        return notes.getByLabel("ចំណុចខ្លាំង").inputValue();
      })
      .toBe("គ្រូមកទាន់ពេល");
    expect(await notes.getByLabel("ចំណុចខ្សោយ").inputValue()).toBe("បង្គន់ចាក់សោ");
    await shot(phones[1], "field-km-phone-9-two-phones-merged");
    for (const phone of phones) await phone.context().close();
  });
});

describe("losing access and signing out with unsent work", () => {
  it("shows a refused change with its reason when the cycle was reassigned while offline, and lets her discard it", async () => {
    const first = await createFacilitator("first");
    const second = await createFacilitator("second");
    const cycleId = await planCycle(first.id, 2027);
    const page = await fieldPage(first.username);
    await download(page);
    await page.context().setOffline(true);
    await page.getByRole("link", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.getByRole("button", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);

    // Meanwhile the NGO gives the cycle to someone else.
    const cycle = await api<{
      version: number;
      plannedMeetingOn: string | null;
      ngoOrganisation: { id: string } | null;
    }>("GET", `/api/v1/cycles/${cycleId}`);
    await api("PUT", `/api/v1/cycles/${cycleId}`, {
      plannedMeetingOn: cycle.plannedMeetingOn,
      ngoOrganisationId: cycle.ngoOrganisation?.id ?? null,
      facilitatorIds: [second.id],
      version: cycle.version,
    });

    await openInApp(page, "/field/sync");
    await page.context().setOffline(false);
    const failed = page.getByTestId("failed-command");
    await failed.first().waitFor({ timeout: 30_000 });
    expect(await shownText(failed.first())).toContain("ប័ណ្ណដាក់ពិន្ទុថ្មី");
    await shot(page, "field-km-phone-6-refused-after-reassignment");
    // The cycle left her phone with the pull; the refused card stays until she decides.
    await failed.first().getByRole("button", { name: "លុបចោល" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "លុបចោល" }).click();
    await expect.poll(() => failed.count()).toBe(0);
    await openInApp(page, "/field");
    await page.getByText("មិនទាន់បានទាញយកអ្វីទេ").waitFor();
    await page.context().close();
  });

  it("warns before signing out with unsent work, then erases the phone's copy", async () => {
    const facilitator = await createFacilitator("signout");
    await planCycle(facilitator.id, 2025);
    const page = await fieldPage(facilitator.username);
    await download(page);
    // The server cannot be reached for a moment: the new card stays on the phone.
    await page.route("**/api/v1/sync/push", (route) => route.abort("connectionrefused"));
    await page.getByRole("link", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.getByRole("button", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: `ម៉ឺនុយគណនីរបស់ signout ${RUN}` }).click();
    await page.getByRole("menuitem", { name: "ចាកចេញ" }).click();
    const dialog = page.getByRole("dialog", { name: "ការងារមិនទាន់ផ្ញើនៅលើទូរសព្ទនេះ" });
    await dialog.waitFor();
    expect(fromKhmerDigits(await shownText(dialog))).toContain("ការផ្លាស់ប្តូរ 1");
    await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot
    await shot(page, "field-km-phone-7-sign-out-warning");
    await dialog.getByRole("button", { name: "ចាកចេញ ហើយលុប" }).click();
    await page.waitForURL(/\/sign-in/);
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(databases.filter((name) => name?.startsWith("samleng-field-"))).toEqual([]);
    await page.context().close();
  });
});

describe("the field screens on a desktop, in English", () => {
  it("lists the downloaded work and the sync details, then shows them in Khmer too", async () => {
    const facilitator = await createFacilitator("desktop", "en");
    await planCycle(facilitator.id, 2028);
    const page = await fieldPage(facilitator.username, DESKTOP, "en");
    await openInApp(page, "/field");
    await page
      .getByRole("button", { name: /Download my work|Sync now/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: `Field School ${RUN}` }).waitFor();
    await page.getByText("Last complete sync").waitFor();
    await shot(page, "field-en-desktop-work");
    await page.getByRole("link", { name: "Sync details" }).click();
    await page.getByRole("heading", { level: 1, name: "Sync" }).waitFor();
    await page.getByText("Everything recorded on this phone has reached the server.").waitFor();
    await shot(page, "field-en-desktop-sync");
    await setLanguage(page, "km");
    await page.getByRole("heading", { level: 1, name: "សមកាលកម្ម" }).waitFor();
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "field-km-desktop-sync");
    await page.context().close();
  });
});
