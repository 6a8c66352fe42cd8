import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiRequest,
  DESKTOP,
  demoSession,
  fromKhmerDigits,
  khmerFontLoaded,
  launchBrowser,
  newPage,
  overflowsHorizontally,
  PHONE,
  setLanguage,
  shot,
  shownText,
} from "./browser";

/**
 * The public results pages (issue 3, part 10), read by someone without an account: a school's scores
 * over two years beside its self-assessment, what was promised and done, the I4C pack, and the
 * commune's page. The data is made through the API as the national administrator.
 */

let browser: Browser;
let admin: ApiSession;
const RUN = Date.now().toString(36).toUpperCase();
const COMMUNE = "150106"; // Rumlech, Bakan, Pursat
const NAME_EN = `Rumlech Primary School ${RUN}`;
const NAME_KM = `សាលាបឋមសិក្សារំលេច ${RUN}`;
const CONTACT = "Chan Sophea";
const PHONE_NUMBER = "012 999 888";
let facilityId: string;

type Card = { id: string; version: number };
type Person = { sex: "female" | "male"; age: number };

const api = <T>(method: "GET" | "POST" | "PUT", route: string, body?: unknown) =>
  apiRequest<T>(admin, method, route, body);

/** A card filled in through the API: held, participants, (community) issues and priorities, scores; approved. */
async function approvedCard(
  cycleId: string,
  kind: "community" | "self",
  people: Person[],
  scores: Record<string, number[]>,
) {
  let card = await api<Card>("POST", `/api/v1/cycles/${cycleId}/scorecards`, { kind, mode: "individual" });
  card = await api<Card>("PUT", `/api/v1/scorecards/${card.id}`, {
    heldOn: "2025-01-20",
    mode: "individual",
    version: card.version,
  });
  card = await api<Card>("POST", `/api/v1/scorecards/${card.id}/participants`, { participants: people });
  const indicatorIds = Object.keys(scores);
  if (kind === "community") {
    for (const indicatorId of indicatorIds) {
      card = await api<Card>("POST", `/api/v1/scorecards/${card.id}/issues`, {
        indicatorId,
        participantNumbers: [1],
      });
    }
    card = await api<Card>("PUT", `/api/v1/scorecards/${card.id}/priorities`, {
      indicatorIds,
      version: card.version,
    });
  }
  for (let index = 0; index < people.length; index++) {
    card = await api<Card>("POST", `/api/v1/scorecards/${card.id}/scores`, {
      participantNumber: index + 1,
      scores: indicatorIds.map((indicatorId) => ({ indicatorId, score: scores[indicatorId][index] })),
    });
  }
  card = await api<Card>("POST", `/api/v1/scorecards/${card.id}/submit`, { version: card.version });
  await api<Card>("POST", `/api/v1/scorecards/${card.id}/approve`, { version: card.version });
}

const MEETING: Person[] = [
  { sex: "female", age: 34 },
  { sex: "female", age: 41 },
  { sex: "female", age: 16 },
  { sex: "female", age: 52 },
  { sex: "female", age: 27 },
  { sex: "male", age: 45 },
  { sex: "male", age: 38 },
  { sex: "male", age: 61 },
  { sex: "male", age: 44 },
  { sex: "male", age: 57 },
];
const STAFF: Person[] = [
  { sex: "male", age: 48 },
  { sex: "female", age: 36 },
  { sex: "female", age: 29 },
];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await demoSession("admin");
  const indicators = await api<{ items: { id: string; code: string }[] }>(
    "GET",
    "/api/v1/indicators?sector=PS&status=active",
  );
  const [a, b] = indicators.items;
  const facility = await api<{ id: string }>("POST", "/api/v1/facilities", {
    code: `PUB-${RUN}`,
    kindCode: "PS",
    nameKm: NAME_KM,
    nameEn: NAME_EN,
    communeCode: COMMUNE,
    contactName: CONTACT,
    phone: PHONE_NUMBER,
  });
  facilityId = facility.id;
  const programme = await api<{ id: string }>("POST", "/api/v1/programmes", {
    nameKm: `កម្មវិធីសាធារណៈ ${RUN}`,
    nameEn: `Public results programme ${RUN}`,
    startYear: 2024,
    endYear: 2027,
    communeCodes: [COMMUNE],
  });
  const cycleOf = async (year: number) => {
    const plan = await api<{ created: { id: string }[] }>(
      "POST",
      `/api/v1/programmes/${programme.id}/cycles`,
      {
        year,
        facilityIds: [facilityId],
      },
    );
    return plan.created[0].id;
  };
  const first = await cycleOf(2024);
  const second = await cycleOf(2025);
  // 2024: community medians 3 and 2, self 4 and 3; 2025: community 4 and 3, self 5 and 4.
  await approvedCard(first, "community", MEETING, {
    [a.id]: [2, 2, 3, 3, 3, 4, 3, 2, 4, 3],
    [b.id]: [1, 2, 2, 2, 3, 3, 2, 3, 1, 2],
  });
  await approvedCard(first, "self", STAFF, { [a.id]: [4, 4, 5], [b.id]: [3, 3, 4] });
  await approvedCard(second, "community", MEETING, {
    [a.id]: [3, 4, 4, 4, 5, 5, 4, 3, 5, 4],
    [b.id]: [2, 3, 3, 3, 3, 4, 3, 2, 4, 3],
  });
  await approvedCard(second, "self", STAFF, { [a.id]: [4, 5, 5], [b.id]: [3, 4, 4] });

  const action = (cycleId: string, title: string, deadline: string) =>
    api<{ id: string; version: number }>("POST", `/api/v1/cycles/${cycleId}/jaap/actions`, {
      title,
      indicatorIds: [a.id],
      responsibleParty: "provider",
      responsibleName: CONTACT,
      deadline,
      fromInterfaceMeeting: true,
    });
  const roof = await action(first, "Repair the classroom roof", "2024-10-31");
  await api("POST", `/api/v1/jaap/actions/${roof.id}/updates`, {
    note: "The roof was repaired before the rains.",
    status: "done",
    version: roof.version,
  });
  await action(second, "Put a teacher in every class", "2025-06-30");

  const pack = await api<{ version: number }>("GET", `/api/v1/cycles/${second}/i4c`);
  const saved = await api<{ version: number }>("PUT", `/api/v1/cycles/${second}/i4c`, {
    items: [
      { labelKm: "សិស្សក្នុងគ្រូម្នាក់", labelEn: "Pupils per teacher", standardValue: "40", actualValue: "52" },
    ],
    budgetSummary: "School operating budget: 12,000,000 riel",
    notes: null,
    version: pack.version,
  });
  await api("POST", `/api/v1/cycles/${second}/i4c/publish`, { version: saved.version });
}, 120_000);
afterAll(() => browser.close());

async function expectNothingPersonal(page: Page) {
  const text = await shownText(page.locator("body"));
  expect(text).not.toContain(CONTACT);
  expect(text).not.toContain(PHONE_NUMBER);
}

describe("a facility's public page", () => {
  it("shows a citizen on a phone, in Khmer, the scores of two years and the JAAP", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto(`/public/facilities/${facilityId}`);
    await page.getByRole("heading", { level: 1, name: NAME_KM }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("km");

    const scores = page.getByRole("region", { name: "ពិន្ទុតាមឆ្នាំនីមួយៗ" });
    const firstIndicator = scores.getByRole("article").first();
    const table = fromKhmerDigits(await shownText(firstIndicator.getByRole("table")));
    expect(table).toContain("2024");
    expect(table).toContain("2025");
    expect(table).toMatch(/2024\s+3\s+n = 10\s+4\s+\+1/);
    expect(table).toMatch(/2025\s+4\s+n = 10\s+5\s+\+1/);
    expect(await firstIndicator.getByRole("img").first().getAttribute("aria-labelledby")).toBeTruthy();

    const jaap = page.getByRole("region", { name: "អ្វីដែលបានសន្យា និងអ្វីដែលបានធ្វើ" });
    await jaap.getByText("Repair the classroom roof").waitFor();
    const jaapText = await shownText(jaap);
    expect(jaapText).toContain("បានធ្វើរួច");
    expect(jaapText).toContain("ហួសកាលកំណត់");
    expect(fromKhmerDigits(jaapText)).toContain("បានធ្វើរួច 1 ក្នុងចំណោម 2");
    const i4c = page.getByRole("region", { name: "ព័ត៌មានសម្រាប់ប្រជាពលរដ្ឋ (I4C)" });
    expect(fromKhmerDigits(await shownText(i4c))).toContain("52");

    await expectNothingPersonal(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "public-facility-km-phone");
    await page.context().close();
  });

  it("shows it on a desktop in English, with the group figures, and leads to the commune page", async () => {
    const page = await newPage(browser, DESKTOP, "en");
    await page.goto(`/public/facilities/${facilityId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await setLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: NAME_EN }).waitFor();
    const scores = page.getByRole("region", { name: "Scores over the years" });
    const firstIndicator = scores.getByRole("article").first();
    await firstIndicator.getByRole("button", { name: "All figures of 2025" }).click();
    await firstIndicator.getByRole("rowheader", { name: "Women" }).waitFor();
    const figures = await shownText(firstIndicator);
    // Five women and five men scored: the women's group is shown; the one child is not.
    expect(figures).toMatch(/Women\s+4/);
    expect(figures).not.toContain("Children (under 18)");
    const jaap = page.getByRole("region", { name: "What was promised and what was done" });
    expect(await shownText(jaap)).toContain("1 of 2 done");
    expect(await shownText(jaap)).toContain("Overdue");
    await expectNothingPersonal(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "public-facility-en-desktop");

    await page.getByRole("link", { name: /All facilities of Rumlech/ }).click();
    await page.getByRole("heading", { level: 1, name: "Commune Rumlech" }).waitFor();
    const card = page.getByRole("article", { name: NAME_EN });
    const cardText = await shownText(card);
    // The latest year's indicator medians are 4 and 3: the headline is their median, 3.5.
    expect(cardText).toContain("Community score 2025");
    expect(cardText).toContain("3.5");
    expect(cardText).toContain("1 of 2 done");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "public-commune-en-desktop");
    await card.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: NAME_EN }).waitFor();
    await page.context().close();
  });

  it("shows the commune page on a phone in Khmer, and a clear page for an unknown facility", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto(`/public/communes/${COMMUNE}`);
    await page.getByRole("heading", { level: 1, name: /រំលេច/ }).waitFor();
    const card = page.getByRole("article", { name: NAME_KM });
    expect(fromKhmerDigits(await shownText(card))).toContain("3,5");
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "public-commune-km-phone");

    await page.goto("/public/facilities/0190f5c2-0000-7000-8000-000000000000");
    await page.getByRole("heading", { level: 1, name: "គ្មានទំព័រសាធារណៈនៅទីនេះទេ" }).waitFor();
    expect(await page.getByRole("link", { name: "ចូលប្រើសម្រាប់បុគ្គលិក" }).first().isVisible()).toBe(true);
    await shot(page, "public-not-found-km-phone");
    await page.context().close();
  });
});
