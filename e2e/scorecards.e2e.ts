import type { Browser, Page } from "playwright-core";
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
  shot,
  shownText,
} from "./browser";

/**
 * The community score-card meeting (issue 3, parts 4 and 9): a facilitator runs it on a 360 px phone
 * in Khmer — participants, issues, priorities, the five faces, results, submit — and an NGO officer
 * reviews it on a desktop in English: returns it, approves it, grants a correction. Users, the
 * facility, the programme and the cycle are made through the API as the national administrator.
 */
let browser: Browser;
let admin: ApiSession;
const RUN = Date.now().toString(36).toUpperCase();
const PASSWORD = "Mekong-Lotus-Harbour-7";
const COMMUNE = "150104";
const SCHOOL_KM = `សាលាបឋមសិក្សាសំឡេង ${RUN}`;
const SCHOOL_EN = `Samleng Primary School ${RUN}`;
let cycleId: string;
let indicators: { id: string; code: string; nameKm: string; nameEn: string }[];
let facilitatorName: string;
let reviewerName: string;
let viewerName: string;
let cardId: string;

const api = <T>(method: "GET" | "POST" | "PUT", route: string, body?: unknown) =>
  apiRequest<T>(admin, method, route, body);

async function createUser(role: string, locale: "km" | "en"): Promise<{ id: string; username: string }> {
  const username = `sc-${role}-${RUN}`.toLowerCase();
  const user = await api<{ id: string }>("POST", "/api/v1/users", {
    username,
    displayName: `${role} ${RUN}`,
    roles: [role],
    area: { national: false, codes: ["15"] },
    locale,
    password: PASSWORD,
  });
  return { id: user.id, username };
}

/** A page signed in as a user made by this test (their own language shows). */
async function pageOf(username: string, viewport: { width: number; height: number }, locale: "km" | "en") {
  const { cookie } = await apiSignIn(username, PASSWORD);
  const split = cookie.indexOf("=");
  const page = await newPage(browser, viewport, locale);
  await page
    .context()
    .addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl() }]);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await demoSession("admin");
  const catalogue = await api<{ items: typeof indicators }>(
    "GET",
    "/api/v1/indicators?sector=PS&status=active",
  );
  indicators = catalogue.items;
  const facility = await api<{ id: string }>("POST", "/api/v1/facilities", {
    code: `SC-${RUN}`,
    kindCode: "PS",
    nameKm: SCHOOL_KM,
    nameEn: SCHOOL_EN,
    communeCode: COMMUNE,
  });
  const programme = await api<{ id: string }>("POST", "/api/v1/programmes", {
    nameKm: `កម្មវិធីប័ណ្ណដាក់ពិន្ទុ ${RUN}`,
    nameEn: `Score-card programme ${RUN}`,
    startYear: 2025,
    endYear: 2027,
    communeCodes: [COMMUNE],
  });
  const facilitator = await createUser("facilitator", "km");
  facilitatorName = facilitator.username;
  reviewerName = (await createUser("ngo_staff", "en")).username;
  viewerName = (await createUser("viewer", "km")).username;
  const plan = await api<{ created: { id: string }[] }>("POST", `/api/v1/programmes/${programme.id}/cycles`, {
    year: 2026,
    facilityIds: [facility.id],
    facilitatorIds: [facilitator.id],
  });
  cycleId = plan.created[0]!.id;
});
afterAll(() => browser.close());

async function fitsThePhone(page: Page, name: string) {
  expect(await overflowsHorizontally(page), `${name} overflows at 360 px`).toBe(false);
  await shot(page, name);
}

const stepNav = (page: Page) => page.getByRole("navigation", { name: "ជំហាននៃកិច្ចប្រជុំ" });
const goToStep = (page: Page, label: RegExp) => stepNav(page).getByRole("button", { name: label }).click();

async function addParticipant(page: Page, sex: "ស្រី" | "ប្រុស", age: number, toggles: string[] = []) {
  const list = page.getByRole("list", { name: "អ្នកចូលរួម" });
  const before = (await list.count()) ? await list.getByRole("listitem").count() : 0;
  await page.getByRole("button", { name: sex, exact: true }).click();
  await page.getByLabel("អាយុ (ឆ្នាំ)").fill(String(age));
  for (const toggle of toggles) await page.getByLabel(toggle, { exact: true }).check();
  await page.getByRole("button", { name: "បន្ថែមអ្នកចូលរួម" }).click();
  await expect.poll(() => list.getByRole("listitem").count()).toBe(before + 1);
}

describe("the community score-card meeting on a phone, in Khmer", () => {
  it("registers participants, records issues and priorities, scores with the faces, shows the results and submits", async () => {
    const page = await pageOf(facilitatorName, PHONE, "km");
    await page.goto(`/scorecards/cycle/${cycleId}/community`);
    await page.getByRole("button", { name: "ចាប់ផ្តើមប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
    cardId = page.url().split("/").pop()!;
    await page.getByRole("heading", { level: 1, name: "ប័ណ្ណដាក់ពិន្ទុសហគមន៍" }).waitFor();
    expect(await khmerFontLoaded(page)).toBe(true);

    // 1. The meeting: date and village.
    await page.getByLabel("កាលបរិច្ឆេទកិច្ចប្រជុំ").fill("2026-11-20");
    await pickOption(page, page.getByRole("combobox", { name: "ភូមិ" }), /./);
    await page.getByRole("button", { name: "រក្សាទុក" }).click();
    await page.getByRole("status").filter({ hasText: "បានរក្សាទុក" }).waitFor();
    await fitsThePhone(page, "scorecards-km-phone-1-meeting");

    // 2. Participants: five women and a man; the totals run as they are added.
    await goToStep(page, /អ្នកចូលរួម/);
    await addParticipant(page, "ស្រី", 16, ["ជនជាតិដើមភាគតិច"]);
    await addParticipant(page, "ស្រី", 25);
    await addParticipant(page, "ស្រី", 40, ["ពិការភាព"]);
    await addParticipant(page, "ស្រី", 70, ["គ្រួសារក្រីក្រ (IDPoor)"]);
    await addParticipant(page, "ស្រី", 12);
    await addParticipant(page, "ប្រុស", 45);
    const totals = fromKhmerDigits(await shownText(page.getByRole("status", { name: "ចំនួនសរុបបច្ចុប្បន្ន" })));
    expect(totals.replace(/\s+/g, " ")).toMatch(/^6 សរុប 5 ស្ត្រី 1 បុរស 2 កុមារ/);
    await fitsThePhone(page, "scorecards-km-phone-2-participants");

    // 3. Issues from the catalogue, each with who raised it, and one in the participants' own words.
    const [a, b] = indicators as [(typeof indicators)[0], (typeof indicators)[0]];
    await goToStep(page, /បញ្ហា/);
    const raise = async (indicator: typeof a, who: string[]) => {
      await page.getByRole("radio", { name: `${indicator.code} · ${indicator.nameKm}` }).check();
      for (const chip of who) await page.getByText(chip, { exact: true }).click();
      await page.getByRole("button", { name: "កត់ត្រាបញ្ហា" }).click();
      await page.getByRole("list", { name: "បញ្ហាដែលបានលើកឡើង" }).getByText(indicator.nameKm).waitFor();
    };
    await raise(a, ["#១ ស", "#២ ស"]);
    await raise(b, ["#៣ ស"]);
    await page.getByText("ពាក្យផ្ទាល់ខ្លួន", { exact: true }).click();
    await page.getByLabel("បញ្ហាតាមពាក្យសម្តីរបស់អ្នកចូលរួម").fill("ផ្លូវទៅសាលារៀនភក់ពេលរដូវវស្សា");
    await page.getByText("#៦ ប", { exact: true }).click();
    await page.getByRole("button", { name: "កត់ត្រាបញ្ហា" }).click();
    await page.getByText("ផ្លូវទៅសាលារៀនភក់ពេលរដូវវស្សា").waitFor();
    await fitsThePhone(page, "scorecards-km-phone-3-issues");

    // 4. Priorities: choose b then a, move a up with the keyboard-reachable arrow, save.
    await goToStep(page, /អាទិភាព/);
    await page.getByRole("button", { name: `ជ្រើសរើស ${b.nameKm}` }).click();
    await page.getByRole("button", { name: `ជ្រើសរើស ${a.nameKm}` }).click();
    const up = page.getByRole("button", { name: `ផ្លាស់ ${a.nameKm} ឡើងលើ` });
    await up.focus();
    await page.keyboard.press("Enter");
    const chosen = page.getByRole("list", { name: "បានជ្រើសរើស តាមលំដាប់" });
    await expect
      .poll(async () => (await shownText(chosen.getByRole("listitem").first())).includes(a.nameKm))
      .toBe(true);
    const savePriorities = page.getByRole("button", { name: "រក្សាទុកអាទិភាព" });
    await savePriorities.click();
    await expect
      .poll(
        async () =>
          (await savePriorities.isDisabled()) && (await savePriorities.getAttribute("data-loading")) === null,
      )
      .toBe(true);
    await fitsThePhone(page, "scorecards-km-phone-4-priorities");

    // 5. Scoring, participant by participant, with the five faces.
    await goToStep(page, /ដាក់ពិន្ទុ/);
    const faces = { [a.nameKm]: [1, 2, 3, 4, 5, 5], [b.nameKm]: [2, 2, 2, 4, 4, 5] };
    for (let person = 0; person < 6; person++) {
      for (const [name, scores] of Object.entries(faces)) {
        await page
          .getByRole("radiogroup", { name })
          .getByRole("radio")
          .nth(scores[person]! - 1)
          .click();
      }
      if (person === 0) await fitsThePhone(page, "scorecards-km-phone-5-faces");
      await page.getByRole("button", { name: /រក្សាទុកពិន្ទុរបស់លេខ/ }).click();
      await expect
        .poll(async () =>
          fromKhmerDigits(await shownText(page.getByRole("status").filter({ hasText: "បានដាក់ពិន្ទុ" }))),
        )
        .toContain(`${person + 1} នាក់ក្នុងចំណោម 6`);
    }

    // 6. Strengths, weaknesses and suggested actions.
    await goToStep(page, /ចំណុចខ្លាំង/);
    const notes = page.getByRole("region", { name: a.nameKm });
    await notes.getByLabel("ចំណុចខ្សោយ").fill("បង្គន់មិនគ្រប់គ្រាន់");
    await notes.getByLabel("សកម្មភាពដែលបានស្នើ").fill("សាងសង់បង្គន់ពីរបន្ថែម");
    await notes.getByRole("button", { name: "រក្សាទុក" }).click();
    await notes.getByRole("status").waitFor();

    // 7. Results: the exact median 3.5, the groups with n, and small groups withheld.
    await goToStep(page, /លទ្ធផល/);
    const result = page.getByRole("region", { name: new RegExp(a.nameKm) }).filter({ hasText: "មេដ្យាន" });
    await result.waitFor();
    const text = fromKhmerDigits(await shownText(result));
    expect(text).toMatch(/មេដ្យាន\s*3[,.]5/);
    expect(text).toContain("តូចពេកមិនអាចបង្ហាញ (តិចជាង 5)");
    await fitsThePhone(page, "scorecards-km-phone-6-results");

    // 8. Submit: nothing missing, confirmed, then locked.
    await goToStep(page, /ដាក់ស្នើ/);
    await page.getByText("អ្វីៗដែលត្រូវការត្រូវបានកត់ត្រារួចហើយ").waitFor();
    await page.getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "ដាក់ស្នើដើម្បីពិនិត្យ" }).click();
    await page.getByText("បានដាក់ស្នើដើម្បីពិនិត្យ៖ ប័ណ្ណត្រូវបានចាក់សោ").waitFor();
    await fitsThePhone(page, "scorecards-km-phone-7-submitted");
    await page.context().close();
  });
});

describe("the review on a desktop, in English", () => {
  it("returns the card with a comment, approves it once resubmitted, and grants a correction", async () => {
    const page = await pageOf(reviewerName, DESKTOP, "en");
    await page.goto("/scorecards/reviews");
    await page.getByRole("heading", { level: 1, name: "Score-card reviews" }).waitFor();
    const entry = page.locator(".mantine-Card-root").filter({ hasText: SCHOOL_EN });
    await entry.getByRole("button", { name: "Return" }).click();
    await page
      .getByRole("dialog")
      .getByLabel("Comment for the facilitator")
      .fill("Please check participant 6's age.");
    await page.getByRole("dialog").getByRole("button", { name: "Return" }).click();
    await expect.poll(() => entry.count()).toBe(0);

    // The facilitator resubmits (through the API), and the card is back in the queue.
    const facilitator = await apiSignIn(facilitatorName, PASSWORD);
    const card = await apiRequest<{ version: number; status: string }>(
      facilitator,
      "GET",
      `/api/v1/scorecards/${cardId}`,
    );
    expect(card.status).toBe("returned");
    await apiRequest(facilitator, "POST", `/api/v1/scorecards/${cardId}/submit`, { version: card.version });
    await page.reload();
    await entry.getByRole("button", { name: "Approve" }).click();
    await shot(page, "scorecards-en-desktop-approve-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => entry.count()).toBe(0);

    // Locked: the facilitator asks for a correction; the reviewer grants it from the queue.
    await apiRequest(facilitator, "POST", `/api/v1/scorecards/${cardId}/change-requests`, {
      reason: "Participant 6 is 54, not 45.",
    });
    await page.reload();
    const request = page.locator(".mantine-Card-root").filter({ hasText: "Participant 6 is 54, not 45." });
    await request.waitFor();
    await shot(page, "scorecards-en-desktop-review-queue");
    await request.getByRole("button", { name: "Grant" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Grant" }).click();
    await expect.poll(() => request.count()).toBe(0);

    // Back in draft, the facilitator corrects the age on the card's current version; a stale one is refused.
    const granted = await apiRequest<{ version: number }>(facilitator, "GET", `/api/v1/scorecards/${cardId}`);
    const correction = { sex: "male", age: 54 };
    const corrected = await apiRequest<{ version: number; participants: { number: number; age: number }[] }>(
      facilitator,
      "PUT",
      `/api/v1/scorecards/${cardId}/participants/6`,
      { ...correction, version: granted.version },
    );
    expect(corrected.participants.find((participant) => participant.number === 6)?.age).toBe(54);
    const stale = await fetch(`${baseUrl()}/api/v1/scorecards/${cardId}/participants/6`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        cookie: facilitator.cookie,
        "x-csrf-token": facilitator.csrfToken,
      },
      body: JSON.stringify({ ...correction, version: granted.version }),
    });
    expect(stale.status).toBe(409);

    await page.goto(`/scorecards/${cardId}?step=submit`);
    await page.getByText("Status:").waitFor();
    expect(await shownText(page.getByRole("main"))).toContain("Granted");
    await shot(page, "scorecards-en-desktop-card-after-grant");
    await page.goto(`/scorecards/${cardId}?step=results`);
    await page.getByRole("heading", { level: 3 }).first().waitFor();
    await shot(page, "scorecards-en-desktop-results");

    // The self-assessment, started from its link, scores the community's priorities; then the comparison.
    await page.goto(`/scorecards/cycle/${cycleId}/self`);
    await page.getByRole("button", { name: "Start the self-assessment" }).click();
    await page.waitForURL(/\/scorecards\/[0-9a-f-]{36}$/);
    const selfId = page.url().split("/").pop()!;
    const selfSteps = page.getByRole("navigation", { name: "Steps of the meeting" }).getByRole("button");
    await selfSteps.first().waitFor();
    expect((await selfSteps.allInnerTexts()).join(" ")).not.toMatch(/Issues|Priorities/);
    const reviewer = await apiSignIn(reviewerName, PASSWORD);
    let self = await apiRequest<{ version: number; priorities: { indicator: { id: string } }[] }>(
      reviewer,
      "GET",
      `/api/v1/scorecards/${selfId}`,
    );
    await apiRequest(reviewer, "PUT", `/api/v1/scorecards/${selfId}`, {
      heldOn: "2026-11-21",
      mode: "individual",
      version: self.version,
    });
    await apiRequest(reviewer, "POST", `/api/v1/scorecards/${selfId}/participants`, {
      participants: [
        { sex: "male", age: 48 },
        { sex: "female", age: 36 },
      ],
    });
    const [first, second] = self.priorities.map((priority) => priority.indicator.id);
    for (const participantNumber of [1, 2]) {
      self = await apiRequest(reviewer, "POST", `/api/v1/scorecards/${selfId}/scores`, {
        participantNumber,
        scores: [
          { indicatorId: first, score: 5 },
          { indicatorId: second, score: 4 },
        ],
      });
    }
    // Two providers: one woman is too small a group to show, and a group of nobody says so.
    await page.goto(`/scorecards/${selfId}?step=results`);
    const selfResult = page.getByRole("table").first();
    await selfResult.getByText("Nobody in this group").first().waitFor();
    await selfResult.getByText("Too small to show (n<5)").first().waitFor();
    await shot(page, "scorecards-en-desktop-self-results");
    await page.goto(`/scorecards/cycle/${cycleId}/comparison`);
    await page.getByText("Gap: +1.5").waitFor();
    await page.getByText("Gap: +1", { exact: true }).waitFor();
    await shot(page, "scorecards-en-desktop-comparison");
    await page.context().close();
  });
});

describe("a viewer on a phone, in Khmer", () => {
  it("reads the card's meeting, priorities and results, but no participant and no one's score", async () => {
    const viewer = await apiSignIn(viewerName, PASSWORD);
    const card = await apiRequest<{ participants: unknown; scores: unknown; tallies: unknown }>(
      viewer,
      "GET",
      `/api/v1/scorecards/${cardId}`,
    );
    expect(card).toMatchObject({ participants: null, scores: null, tallies: null });
    const page = await pageOf(viewerName, PHONE, "km");
    await page.goto(`/scorecards/${cardId}`);
    await page.getByText("មានតែអ្នកដែលកត់ត្រា ឬពិនិត្យប័ណ្ណនេះប៉ុណ្ណោះ", { exact: false }).waitFor();
    const steps = (await stepNav(page).getByRole("button").allInnerTexts()).join(" ");
    expect(steps).toMatch(/អាទិភាព/);
    expect(steps).not.toMatch(/អ្នកចូលរួម|ដាក់ពិន្ទុ/);
    // The results step opens first, with the exact median.
    const result = page.getByRole("region", { name: new RegExp(indicators[0]!.nameKm) });
    await result.waitFor();
    expect(fromKhmerDigits(await shownText(result))).toMatch(/មេដ្យាន\s*3[,.]5/);
    await fitsThePhone(page, "scorecards-km-phone-viewer-results");
    // Sent to the participants by the address, the reader sees the results instead.
    await page.goto(`/scorecards/${cardId}?step=participants`);
    await result.waitFor();
    expect(await page.getByRole("list", { name: "អ្នកចូលរួម" }).count()).toBe(0);
    await page.context().close();
  });
});
