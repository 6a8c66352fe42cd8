import { deflateSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiRequest,
  apiSignIn,
  DESKTOP,
  khmerFontLoaded,
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  pickOption,
  setLanguage,
  shot,
  shownText,
  signedInPage,
} from "./browser";

let browser: Browser;
/** A suffix that keeps this run's records apart from the demo data and from earlier runs. */
const RUN = Date.now().toString(36).toUpperCase();
const FACILITY_KM = "សាលាបឋមសិក្សាសាកល្បង JAAP";
const FACILITY_EN = `E2E JAAP Primary School ${RUN}`;
let cycleId = "";

// ---- a small PNG made here (an 8 × 8 green square), as a phone camera would give a JPEG ------------

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function greenSquarePng(size = 8): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0x2f, 0x9e, 0x44]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A cycle of a new primary school in Boeng Bat Kandaol (150101), planned through ISAF's API with the demo facilitator. */
async function planCycle(): Promise<string> {
  const admin = await apiSignIn("admin");
  const facilitatorSession = await apiSignIn("facilitator");
  const facilitator = await apiRequest<{ user: { id: string } }>(
    facilitatorSession,
    "GET",
    "/api/v1/auth/session",
  );
  const facility = await apiRequest<{ id: string }>(admin, "POST", "/api/v1/facilities", {
    code: `E2E-JAAP-${RUN}`,
    kindCode: "PS",
    nameKm: FACILITY_KM,
    nameEn: FACILITY_EN,
    communeCode: "150101",
  });
  const programme = await apiRequest<{ id: string }>(admin, "POST", "/api/v1/programmes", {
    nameKm: "កម្មវិធីសាកល្បង JAAP",
    nameEn: `E2E JAAP programme ${RUN}`,
    startYear: 2026,
    endYear: 2027,
    communeCodes: ["150101"],
  });
  const plan = await apiRequest<{ created: { id: string }[] }>(
    admin,
    "POST",
    `/api/v1/programmes/${programme.id}/cycles`,
    {
      year: 2026,
      facilityIds: [facility.id],
      facilitatorIds: [facilitator.user.id],
    },
  );
  return plan.created[0].id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  cycleId = await planCycle();
});
afterAll(() => browser.close());

async function quotaVerdict(page: Page): Promise<string> {
  return (await page.getByTestId("quota-verdict").textContent()) ?? "";
}

describe("the interface meeting and the JAAP on a phone, in Khmer", () => {
  it("records the meeting, adds a decision as an action, and reports progress with a photo", async () => {
    const page = await signedInPage(browser, "facilitator", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto(`/jaap/cycles/${cycleId}`);
    await page.getByRole("heading", { level: 1, name: FACILITY_KM }).waitFor();

    // The interface meeting: date, attendance by side and sex, notes.
    await page.getByLabel("កាលបរិច្ឆេទប្រជុំ").fill("2026-05-12");
    const counts: [string, string][] = [
      ["ប្រជាពលរដ្ឋ – ស្ត្រី", "18"],
      ["ប្រជាពលរដ្ឋ – បុរស", "12"],
      ["អ្នកផ្តល់សេវា – ស្ត្រី", "2"],
      ["អ្នកផ្តល់សេវា – បុរស", "3"],
      ["ក្រុមប្រឹក្សាឃុំ/សង្កាត់ – បុរស", "4"],
    ];
    for (const [label, value] of counts)
      await page.getByRole("textbox", { name: label, exact: true }).fill(value);
    await page.getByLabel("កំណត់ចំណាំ").fill("ពិនិត្យប័ណ្ណដាក់ពិន្ទុទាំងពីរ ហើយឯកភាពលើសកម្មភាពពីរ។");
    await page.getByRole("button", { name: "រក្សាទុកកិច្ចប្រជុំ" }).click();
    await page.getByText("បានរក្សាទុកកិច្ចប្រជុំរួម។").waitFor();
    const table = page.getByRole("table", { name: "អ្នកចូលរួមតាមភាគី និងភេទ" });
    expect(await shownText(table.locator("tfoot"))).toMatch(/២០\s+១៩/);
    expect(await shownText(page.getByTestId("meeting-total"))).toBe("សរុប៖ ៣៩ នាក់");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "jaap-km-phone-meeting");

    // A decision of the meeting becomes a JAAP action; without an owner it is refused.
    await page.getByRole("button", { name: "បន្ថែមសេចក្តីសម្រេចជាសកម្មភាព JAAP" }).click();
    const dialog = page.getByRole("dialog", { name: "សេចក្តីសម្រេចនៃកិច្ចប្រជុំរួម" });
    await dialog.waitFor();
    await dialog.getByRole("textbox", { name: "អ្វីដែលនឹងត្រូវធ្វើ" }).fill("ជួសជុលធុងទឹករបស់សាលា");
    await pickOption(page, dialog.getByRole("combobox", { name: "លក្ខណៈវិនិច្ឆ័យ" }), /^PS-01/);
    await page.keyboard.press("Escape");
    await dialog.getByLabel("កាលកំណត់").fill("2026-02-28");
    await dialog.getByRole("button", { name: "បន្ថែមសកម្មភាព" }).click();
    await dialog.getByText("សូមបញ្ចូលឈ្មោះអ្នកទទួលខុសត្រូវលើសកម្មភាពនេះ។").waitFor();
    await dialog.getByRole("textbox", { name: "បុគ្គល ឬស្ថាប័នទទួលខុសត្រូវ" }).fill("នាយកសាលា");
    await dialog.getByRole("textbox", { name: "ធនធាន (រៀល)" }).fill("400000");
    await shot(page, "jaap-km-phone-action-form");
    await dialog.getByRole("button", { name: "បន្ថែមសកម្មភាព" }).click();
    await dialog.waitFor({ state: "detached" });

    const card = page.getByRole("article", { name: "ជួសជុលធុងទឹករបស់សាលា" });
    await card.waitFor();
    expect(await shownText(card)).toContain("ហួសកាលកំណត់");
    expect(await shownText(card)).toContain("សេចក្តីសម្រេចនៃកិច្ចប្រជុំរួម");

    // A progress update with a photo taken on the spot.
    await card.getByRole("button", { name: "រាយការណ៍វឌ្ឍនភាព" }).click();
    const progress = page.getByRole("dialog", { name: "រាយការណ៍វឌ្ឍនភាព" });
    await progress.getByRole("textbox", { name: "អ្វីដែលបានធ្វើរួច" }).fill("ជាងទឹកបានមកបង្ហូរទឹកចេញពីធុងហើយ។");
    const input = progress.locator('input[type="file"]');
    expect(await input.getAttribute("accept")).toBe("image/*");
    expect(await input.getAttribute("capture")).toBe("environment");
    await input.setInputFiles({ name: "tank.png", mimeType: "image/png", buffer: greenSquarePng() });
    await progress.getByRole("img", { name: "tank.png" }).waitFor();
    const save = progress.getByRole("button", { name: "រក្សាទុករបាយការណ៍" });
    await expect.poll(() => save.isEnabled(), { timeout: 10_000 }).toBe(true);
    await shot(page, "jaap-km-phone-progress");
    await save.click();
    await progress.waitFor({ state: "detached" });

    expect(await shownText(card)).toContain("កំពុងអនុវត្ត");
    await card.getByRole("button", { name: "របាយការណ៍វឌ្ឍនភាព" }).click();
    await card.getByText("ជាងទឹកបានមកបង្ហូរទឹកចេញពីធុងហើយ។").waitFor();
    const photo = card.getByRole("img", { name: "រូបថតភស្តុតាងទី ១" });
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(8);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "jaap-km-phone-actions");
    await page.context().close();
  });
});

describe("the monitoring committee on a desktop, in English", () => {
  it("shows the quota panel going from failing to passing, then marks the committee formed", async () => {
    const page = await signedInPage(browser, "ngo", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto(`/jaap/cycles/${cycleId}?tab=committee`);
    await page.getByRole("heading", { level: 1, name: FACILITY_EN }).waitFor();
    await page.getByRole("heading", { name: "Quota rules" }).waitFor();
    expect(await quotaVerdict(page)).toBe("A rule fails");
    const markFormed = page.getByRole("button", { name: "Mark formed" });
    expect(await markFormed.isDisabled()).toBe(true);
    await page.getByText("The committee cannot be marked formed while a quota rule fails.").waitFor();

    const form = page.getByRole("region", { name: "Add a member" });
    const addMember = async (name: string, sex: "Female" | "Male", age: string, role: string) => {
      await form.getByRole("textbox", { name: "Name" }).fill(name);
      await form.getByText(sex, { exact: true }).click();
      await form.getByRole("textbox", { name: "Age" }).fill(age);
      await pickOption(page, form.getByRole("combobox", { name: "Role" }), role);
      await form.getByRole("button", { name: "Add the member" }).click();
      await page.getByRole("cell", { name, exact: true }).waitFor();
    };
    await addMember("Sok Chenda", "Male", "52", "Chair");
    expect(await quotaVerdict(page)).toBe("A rule fails");
    const women = page.locator('[data-rule="women_share"]');
    expect(await women.getAttribute("data-passed")).toBe("false");
    await shot(page, "jaap-en-desktop-committee-failing");

    await addMember("Chan Sreymom", "Female", "24", "Secretary");
    await expect.poll(() => quotaVerdict(page)).toBe("All rules met");
    expect(await women.getAttribute("data-passed")).toBe("true");
    expect(await page.locator('[data-rule="youth"]').getAttribute("data-passed")).toBe("true");
    expect(await markFormed.isEnabled()).toBe(true);
    await markFormed.click();
    await page.getByText(/^Formed on /).waitFor();
    await page.getByRole("button", { name: "Un-form to change the members" }).waitFor();
    await shot(page, "jaap-en-desktop-committee-formed");

    // The actions across the area: the phone's action is overdue and found with the filter.
    await page.goto("/jaap/actions?overdue=1&year=2026&place=150101");
    await page.getByRole("heading", { level: 1, name: "JAAP actions" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "ជួសជុលធុងទឹករបស់សាលា" });
    await row.waitFor();
    expect(await shownText(row)).toContain("Overdue");
    await shot(page, "jaap-en-desktop-actions");
    await page.context().close();
  });
});
