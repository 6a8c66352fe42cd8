import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  DESKTOP,
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
  signedInPage,
} from "./browser";

/**
 * Citizen feedback (issue 5, first part): a girl writes on a phone, in Khmer, without signing in, and
 * gets a tracking code; the commune's CCWC focal point answers on a desktop; she reads the answer by
 * code. A boy's report that a neighbour beats him never shows in the general queue: only the area's
 * child-protection staff see it.
 */
let browser: Browser;
const RUN = Date.now().toString(36).toUpperCase();
const COMMUNE = "150101";
type Place = { code: string; nameKm: string; nameEn: string };
let path: Place[];

async function publicGet<T>(route: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${route}`);
  if (!response.ok) throw new Error(`${route}: ${response.status}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const provinces = await publicGet<{ items: Place[] }>("/api/public/v1/places");
  const districts = await publicGet<{ items: Place[] }>("/api/public/v1/places?parent=15");
  const communes = await publicGet<{ items: Place[] }>("/api/public/v1/places?parent=1501");
  path = [
    provinces.items.find((place) => place.code === "15")!,
    districts.items.find((place) => place.code === "1501")!,
    communes.items.find((place) => place.code === COMMUNE)!,
  ];
});
afterAll(() => browser.close());

describe("a message from a citizen, answered by the commune", () => {
  let code = "";
  const message = `បង្គន់សាលាត្រូវបានចាក់សោ ${RUN}`;

  it("is written on a phone in Khmer without signing in, and gives a tracking code", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto("/public/feedback");
    await page.getByRole("heading", { level: 1, name: "ប្រាប់ឃុំរបស់អ្នក" }).waitFor();
    const [province, district, commune] = path as [Place, Place, Place];
    await pickOption(page, page.getByRole("combobox", { name: "ខេត្ត" }), province.nameKm);
    await pickOption(page, page.getByRole("combobox", { name: "ស្រុក" }), district.nameKm);
    await pickOption(page, page.getByRole("combobox", { name: "ឃុំ" }), commune.nameKm);
    await page.getByText("សាលារៀន", { exact: true }).click();
    await page.getByText("អគារ ទឹក និងបង្គន់", { exact: true }).click();
    await page.getByLabel("សាររបស់អ្នក").fill(message);
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "feedback-km-phone-1-form");
    await page.getByRole("button", { name: "ផ្ញើ" }).click();

    const shown = page.getByTestId("tracking-code");
    await shown.waitFor();
    code = fromKhmerDigits(await shownText(shown)).replace(/\s/g, "");
    expect(code).toMatch(/^\d{10}$/);
    await shot(page, "feedback-km-phone-2-code");
    await page.context().close();
  });

  it("is answered by the commune's CCWC focal point on a desktop", async () => {
    const page = await signedInPage(browser, "commune", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto("/feedback");
    await page.getByRole("heading", { level: 1, name: "Citizen feedback" }).waitFor();
    const card = page.getByRole("listitem").filter({ hasText: message });
    await card.waitFor();
    await card
      .getByLabel("Your answer")
      .fill("The toilets are open again from Monday. Thank you for telling us.");
    await card.getByRole("button", { name: "Send the answer" }).click();
    await card.getByText("Answered", { exact: true }).waitFor();
    await shot(page, "feedback-en-desktop-queue-answered");
    await page.context().close();
  });

  it("shows her the answer by code, typed in Khmer digits", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto("/public/feedback/track");
    const typed = code.replace(/\d/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));
    await page.getByLabel("លេខកូដតាមដាន").fill(typed);
    await page.getByRole("button", { name: "មើល" }).click();
    await page.getByText("The toilets are open again from Monday.", { exact: false }).waitFor();
    expect(await shownText(page.getByRole("main"))).toContain("បានឆ្លើយ");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "feedback-km-phone-3-answer");

    // A code with one digit wrong is refused as such, never shows another message.
    const wrong = `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}`;
    await page.getByLabel("លេខកូដតាមដាន").fill(wrong);
    await page.getByRole("button", { name: "មើល" }).click();
    await page.getByText("គ្មានសារណាមានលេខកូដនេះទេ", { exact: false }).waitFor();
    await page.context().close();
  });
});

describe("a report of harm to a child", () => {
  it("is absent from the general queue and present in the child-protection one", async () => {
    const report = `អ្នកជិតខាងវាយខ្ញុំរាល់ថ្ងៃ ${RUN}`;
    const sent = await fetch(`${baseUrl()}/api/public/v1/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ communeCode: COMMUNE, sectorCode: null, topic: "safety", text: report }),
    });
    expect(sent.status).toBe(201);

    const official = await signedInPage(browser, "commune", DESKTOP, "en");
    await setLanguage(official, "en");
    await official.goto("/feedback");
    await official.getByRole("heading", { level: 1, name: "Citizen feedback" }).waitFor();
    await official.getByRole("listitem").first().waitFor();
    expect(await shownText(official.getByRole("main"))).not.toContain(report);
    await official.context().close();

    const worker = await signedInPage(browser, "socialworker", PHONE, "km");
    await worker.goto("/feedback");
    await worker.getByRole("heading", { level: 1, name: "មតិពលរដ្ឋ" }).waitFor();
    const card = worker.getByRole("listitem").filter({ hasText: report });
    await card.waitFor();
    expect(await shownText(card)).toContain("វាយ");
    expect(await overflowsHorizontally(worker)).toBe(false);
    await shot(worker, "feedback-km-phone-4-child-protection-queue");
    await worker.context().close();
  });
});
