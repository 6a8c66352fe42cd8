import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiRequest,
  apiSignIn,
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
  settled,
  shot,
  shownText,
  signedInPage,
  signIn,
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

/** The demo commune's primary school, which the demo "provider" directs. */
async function demoSchool(): Promise<Place & { id: string }> {
  const schools = await publicGet<{ items: (Place & { id: string })[] }>(
    `/api/public/v1/feedback/facilities?commune=${COMMUNE}&sector=PS`,
  );
  return schools.items[0]!;
}

/** The form in Khmer: the demo commune, a school, buildings and toilets, and the message. */
async function fillForm(page: Page, message: string) {
  const [province, district, commune] = path as [Place, Place, Place];
  await pickOption(page, page.getByRole("combobox", { name: "ខេត្ត" }), province.nameKm);
  await pickOption(page, page.getByRole("combobox", { name: "ស្រុក" }), district.nameKm);
  await pickOption(page, page.getByRole("combobox", { name: "ឃុំ" }), commune.nameKm);
  await page.getByText("សាលារៀន", { exact: true }).click();
  await page.getByText("អគារ ទឹក និងបង្គន់", { exact: true }).click();
  await page.getByLabel("សាររបស់អ្នក").fill(message);
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
    await fillForm(page, message);
    // Every required field is marked with an asterisk and told to screen readers, the choices too.
    const choices = await page.getByRole("radiogroup").all();
    expect(choices).toHaveLength(2);
    for (const group of choices) expect(await group.getAttribute("aria-required")).toBe("true");
    for (const label of ["#sector-label", "#topic-label"])
      expect(await page.locator(label).textContent()).toMatch(/\*$/);
    expect(await page.getByLabel("សាររបស់អ្នក").getAttribute("required")).not.toBeNull();
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "feedback-km-phone-1-form");
    await page.getByRole("button", { name: "ផ្ញើ" }).click();

    const shown = page.getByTestId("tracking-code");
    await shown.waitFor();
    code = fromKhmerDigits(await shownText(shown)).replace(/\s/g, "");
    expect(code).toMatch(/^\d{10}$/);
    // A copy button beside the code puts its digits on the clipboard (issue 13, part 8).
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "ចម្លង", exact: true }).click();
    await page.getByRole("button", { name: "បានចម្លង", exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
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

describe("a message by SMS", () => {
  it("arrives through the gateway's webhook, and the school's director takes and answers it on a phone", async () => {
    const text = `សៀវភៅមិនគ្រប់គ្រាន់ ${RUN}`;
    const sms = (body: Record<string, string>) =>
      fetch(`${baseUrl()}/api/sms/v1/channels/demo/receive`, {
        method: "POST",
        headers: {
          authorization: "Bearer demo-sms-secret",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(body).toString(),
      });
    // She names the school by its code: the message reaches its director (and the council).
    const school = await demoSchool();
    const received = await sms({ from: "012 345 678", text: `${school.code} ${text}`, id: `e2e-${RUN}` });
    expect(received.status).toBe(200);
    expect(await received.json()).toMatchObject({ kind: "message", duplicate: false });
    // The gateway retries: nothing new.
    expect(
      await (await sms({ from: "012 345 678", text: `${school.code} ${text}`, id: `e2e-${RUN}` })).json(),
    ).toMatchObject({
      duplicate: true,
    });

    const page = await signedInPage(browser, "provider", PHONE, "km");
    await page.goto("/feedback");
    await page.getByRole("heading", { level: 1, name: "មតិពលរដ្ឋ" }).waitFor();
    const card = page.getByRole("listitem").filter({ hasText: text });
    await card.waitFor();
    await card.getByRole("button", { name: "ទទួលយក" }).click();
    await card.getByText("អ្នកបានទទួលយកសារនេះ។").waitFor();
    await page.locator("label", { hasText: "ដែលខ្ញុំទទួលយក" }).click();
    await page.getByRole("listitem").filter({ hasText: text }).waitFor();
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "feedback-km-phone-5-sms-taken");
    const mine = page.getByRole("listitem").filter({ hasText: text });
    // A template fills the answer in the language chosen for the sender, to edit before sending.
    await pickOption(page, mine.getByRole("combobox", { name: "ចាប់ផ្តើមពីគំរូ" }), "បានបញ្ជូនទៅអ្នកទទួលខុសត្រូវ");
    expect(await mine.getByLabel("ចម្លើយរបស់អ្នក").inputValue()).toContain("យើងបានបញ្ជូនសាររបស់អ្នក");
    await mine.locator("label", { hasText: "English" }).click();
    expect(await mine.getByLabel("ចម្លើយរបស់អ្នក").inputValue()).toContain("We have passed your message");
    await shot(page, "feedback-km-phone-5b-template");
    await mine.getByLabel("ចម្លើយរបស់អ្នក").fill("សៀវភៅថ្មីនឹងមកដល់សប្តាហ៍ក្រោយ។");
    await mine.getByRole("button", { name: "ផ្ញើចម្លើយ" }).click();
    await mine.getByText("បានឆ្លើយ", { exact: true }).waitFor();
    const codeText = fromKhmerDigits(await shownText(mine.getByText(/^លេខកូដ/).first()));
    const code = codeText.replace(/\D/g, "").slice(0, 10);
    await page.context().close();

    // The commune's CCWC focal point may call her back: the number shows after a reason.
    const council = await signedInPage(browser, "commune", DESKTOP, "en");
    await setLanguage(council, "en");
    await council.goto("/feedback");
    const hers = council.getByRole("listitem").filter({ hasText: text });
    await hers.getByRole("button", { name: "Show the phone number" }).click();
    await hers.getByLabel("Why do you need to call?").fill("To ask which books are missing");
    await hers.getByRole("button", { name: "Show", exact: true }).click();
    await hers.getByRole("link", { name: "012 345 678" }).waitFor();
    await shot(council, "feedback-en-desktop-phone-shown");
    await council.context().close();

    // She texts the code back and is answered (the reply goes out through the gateway).
    const status = await sms({ from: "012 345 678", text: code, id: `e2e-status-${RUN}` });
    expect(await status.json()).toMatchObject({ kind: "status" });
  });
});

describe("an export of the queue", () => {
  it("gives the council a CSV with the numbers only after a reason, on a desktop", async () => {
    const council = await signedInPage(browser, "commune", DESKTOP, "en");
    await setLanguage(council, "en");
    await council.goto("/feedback");
    await council.getByRole("button", { name: "Export" }).click();
    const dialog = council.getByRole("dialog", { name: "Export the messages" });
    await dialog.getByRole("checkbox", { name: "Add the senders' phone numbers" }).check();
    await dialog.getByRole("button", { name: "Download CSV" }).click();
    await dialog.getByText("Say why you need the phone numbers.").waitFor();
    await dialog
      .getByLabel("Why do you need the numbers?")
      .fill("Calling senders before the council meeting");
    await settled(dialog);
    await shot(council, "feedback-en-desktop-export", { fullPage: false });
    const [download] = await Promise.all([
      council.waitForEvent("download"),
      dialog.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^samleng-feedback-general-\d{4}-\d{2}-\d{2}-with-phones\.csv$/,
    );
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toContain("tracking_code,received_at,channel");
    expect(csv.split("\r\n")[0]).toMatch(/,phone$/);
    // The SMS of the test before, with its sender's number.
    expect(csv).toContain(`សៀវភៅមិនគ្រប់គ្រាន់ ${RUN}`);
    expect(csv).toContain("012 345 678");
    await council.getByText(/messages? exported\./).waitFor();
    await council.context().close();
  });
});

describe("routing within a commune", () => {
  it("brings a school director, linked to her school by an administrator, its messages and not the clinic's", async () => {
    const school = await demoSchool();
    const clinics = await publicGet<{ items: { code: string }[] }>(
      `/api/public/v1/feedback/facilities?commune=${COMMUNE}&sector=HC`,
    );
    const aboutSchool = `តុកៅអីបាក់ ${RUN}`;
    const aboutClinic = `គ្មានឆ្មបពេលយប់ ${RUN}`;
    for (const [code, text, id] of [
      [school.code, aboutSchool, `e2e-route-school-${RUN}`],
      [clinics.items[0]!.code, aboutClinic, `e2e-route-clinic-${RUN}`],
    ] as const) {
      const received = await fetch(`${baseUrl()}/api/sms/v1/channels/demo/receive`, {
        method: "POST",
        headers: { authorization: "Bearer demo-sms-secret", "content-type": "application/json" },
        body: JSON.stringify({ from: "017 222 333", text: `${code} ${text}`, id }),
      });
      expect(await received.json()).toMatchObject({ kind: "message" });
    }

    // The administrator makes the new director's account and links it to her school.
    const admin = await signedInPage(browser, "admin", DESKTOP, "en");
    await setLanguage(admin, "en");
    await admin.goto("/admin/users/new");
    const form = admin.getByRole("form", { name: "New user" });
    const username = `e2e.director.${RUN.toLowerCase()}`;
    await form.getByRole("textbox", { name: "User name" }).fill(username);
    await form.getByRole("textbox", { name: "Full name" }).fill(`Director ${RUN}`);
    await form.getByRole("checkbox", { name: "Service provider" }).check();
    const commune = path[2]!;
    await pickOption(
      admin,
      form.getByRole("combobox", { name: "Add a place" }),
      new RegExp(`^${commune.nameEn}`),
      {
        type: COMMUNE,
      },
    );
    await pickOption(
      admin,
      form.getByRole("combobox", { name: "Facilities they run" }),
      new RegExp(school.code),
      {
        type: school.code,
      },
    );
    // A work phone for the morning reminders of messages due.
    await form.getByRole("textbox", { name: "Work phone (optional)" }).fill("not a phone");
    await form.getByLabel(/^First password/).fill("Mekong-Lotus-Harvest-71");
    await form.getByRole("button", { name: "Create user" }).click();
    await form.getByText("Write a Cambodian phone number, such as 012 345 678.").waitFor();
    await form.getByRole("textbox", { name: "Work phone (optional)" }).fill("012999888");
    // Retyped: the complaint goes until the next try.
    await form.getByText("Write a Cambodian phone number, such as 012 345 678.").waitFor({ state: "hidden" });
    await shot(admin, "feedback-en-desktop-director-linked");
    await form.getByRole("button", { name: "Create user" }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    const edit = admin.getByRole("form", { name: "Edit user" });
    await edit.getByText(school.nameEn).waitFor();
    expect(await edit.getByRole("textbox", { name: "Work phone (optional)" }).inputValue()).toBe(
      "012 999 888",
    );
    const userPage = admin.url();
    await admin.context().close();

    // The same user on a phone in Khmer: the new fields fit and read.
    const adminPhone = await signedInPage(browser, "admin", PHONE, "km");
    await adminPhone.goto(new URL(userPage).pathname);
    await setLanguage(adminPhone, "km");
    await adminPhone.getByRole("textbox", { name: "ទូរស័ព្ទការងារ (មិនចាំបាច់)" }).waitFor();
    await adminPhone.getByText(school.nameKm).first().waitFor();
    expect(await khmerFontLoaded(adminPhone)).toBe(true);
    expect(await overflowsHorizontally(adminPhone)).toBe(false);
    await shot(adminPhone, "feedback-km-phone-director-user");
    await adminPhone.context().close();

    // She signs in on her phone, in Khmer: her school's message is there, the clinic's is not.
    const director = await newPage(browser, PHONE, "km");
    await signIn(director, username, "Mekong-Lotus-Harvest-71");
    await director.goto("/feedback");
    await director.getByText("សារពីពលរដ្ឋអំពីមូលដ្ឋានដែលអ្នកគ្រប់គ្រង", { exact: false }).waitFor();
    await director.getByRole("listitem").filter({ hasText: aboutSchool }).waitFor();
    expect(await director.getByRole("listitem").filter({ hasText: aboutClinic }).count()).toBe(0);
    expect(await khmerFontLoaded(director)).toBe(true);
    expect(await overflowsHorizontally(director)).toBe(false);
    await shot(director, "feedback-km-phone-8-director-queue");
    // Her export holds what her queue holds, and offers no phone numbers.
    await director.getByRole("button", { name: "នាំចេញ" }).click();
    const dialog = director.getByRole("dialog", { name: "នាំចេញសារ" });
    expect(await dialog.getByRole("checkbox").count()).toBe(0);
    expect(await overflowsHorizontally(director)).toBe(false);
    await settled(dialog);
    await shot(director, "feedback-km-phone-9-director-export", { fullPage: false });
    const [download] = await Promise.all([
      director.waitForEvent("download"),
      dialog.getByRole("button", { name: "ទាញយក CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain(aboutSchool);
    expect(csv).not.toContain(aboutClinic);
    await director.context().close();

    // The commune council reads both.
    const council = await signedInPage(browser, "commune", DESKTOP, "en");
    await council.goto("/feedback");
    await council.getByRole("listitem").filter({ hasText: aboutSchool }).waitFor();
    await council.getByRole("listitem").filter({ hasText: aboutClinic }).waitFor();
    await council.context().close();
  });
});

describe("an answer by SMS to a number left on the web form", () => {
  let gateway: Server;
  const delivered: { to: string; text: string }[] = [];

  beforeAll(async () => {
    // The test plays the SMS gateway: Samleng's job runner posts each SMS here.
    gateway = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        delivered.push(JSON.parse(body));
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    const admin = await apiSignIn("admin");
    await apiRequest(admin, "POST", "/api/v1/sms/channels", {
      id: `e2e-${RUN.toLowerCase()}`,
      name: "E2E gateway",
      sender: "8383",
      sendUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
      isDefault: true,
    });
  });
  afterAll(() => new Promise((resolve) => gateway.close(resolve)));

  it("takes the number on a phone, and the commune's answer reaches it through the gateway", async () => {
    const message = `ទឹកស្អាតមិនមាន ${RUN}`;
    const page = await newPage(browser, PHONE, "km");
    await page.goto("/public/feedback");
    await fillForm(page, message);
    const phone = page.getByLabel("លេខទូរសព្ទរបស់អ្នក", { exact: false });
    await phone.fill("abc");
    await page.getByRole("button", { name: "ផ្ញើ" }).click();
    await page.getByText("នេះមិនមែនជាលេខទូរសព្ទទេ", { exact: false }).waitFor();
    await phone.fill("០៩៧ ១២៣ ៤៥៦៧");
    await shot(page, "feedback-km-phone-6-form-with-phone");
    await page.getByRole("button", { name: "ផ្ញើ" }).click();
    await page.getByTestId("tracking-code").waitFor();
    await page.context().close();

    const council = await apiSignIn("commune");
    const list = await apiRequest<{
      items: { id: string; text: string; version: number; answerBySms: boolean }[];
    }>(council, "GET", "/api/v1/feedback?limit=100");
    const item = list.items.find((entry) => entry.text === message)!;
    expect(item.answerBySms).toBe(true);
    await apiRequest(council, "POST", `/api/v1/feedback/${item.id}/answer`, {
      text: "ឃុំនឹងជួសជុលអណ្តូងនៅថ្ងៃសុក្រ។",
      version: item.version,
    });
    const end = Date.now() + 20_000;
    while (!delivered.some((sms) => sms.text.includes("ឃុំនឹងជួសជុលអណ្តូង")) && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 250));
    const answer = delivered.find((sms) => sms.text.includes("ឃុំនឹងជួសជុលអណ្តូង"));
    expect(answer).toMatchObject({ to: "+855971234567", from: "8383" });
    expect(answer!.text).toMatch(/^ចម្លើយ \d{10}៖ /);
  });
});

describe("the public figures", () => {
  it("show a district's communes on a phone in Khmer, and the country on a desktop, never a message", async () => {
    const phone = await newPage(browser, PHONE, "km");
    await phone.goto("/public/feedback/figures");
    await phone.getByRole("heading", { level: 1, name: "សារទៅឃុំ៖ តួលេខ" }).waitFor();
    const [province, district] = path as [Place, Place];
    await pickOption(phone, phone.getByRole("combobox", { name: "ខេត្ត" }), province.nameKm);
    await pickOption(phone, phone.getByRole("combobox", { name: "ស្រុក" }), district.nameKm);
    const table = phone.getByRole("table", { name: "តួលេខតាមតំបន់" });
    await table.getByRole("button", { name: path[2]!.nameKm }).waitFor();
    expect(await shownText(phone.getByRole("main"))).not.toContain(RUN);
    expect(await khmerFontLoaded(phone)).toBe(true);
    expect(await overflowsHorizontally(phone)).toBe(false);
    await shot(phone, "feedback-km-phone-7-figures");
    await table.getByRole("button", { name: path[2]!.nameKm }).click();
    await phone.getByRole("heading", { level: 2, name: new RegExp(path[2]!.nameKm) }).waitFor();
    await phone.context().close();

    const desktop = await newPage(browser, DESKTOP, "en");
    await desktop.goto("/public/feedback/figures");
    await setLanguage(desktop, "en");
    await desktop.getByRole("heading", { level: 2, name: /^Cambodia/ }).waitFor();
    await desktop
      .getByRole("table", { name: "Figures by area" })
      .getByRole("button", { name: "Pursat" })
      .waitFor();
    await shot(desktop, "feedback-en-desktop-figures");
    await desktop.context().close();
  });
});
