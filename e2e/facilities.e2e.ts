import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  describedText,
  fromKhmerDigits,
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
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** A suffix that keeps this run's codes apart from the demo data and from earlier runs. */
const RUN = Date.now().toString(36).toUpperCase();

/** The number in the list's count line ("47 facilities", "មូលដ្ឋានចំនួន ៤៧"). */
async function listedCount(page: Page): Promise<number> {
  const text = await shownText(page.getByRole("status").first());
  const digits = fromKhmerDigits(text).match(/\d[\d.,]*/)?.[0] ?? "";
  return Number(digits.replace(/[.,]/g, ""));
}

/** Waits until the count line says `expected` (the list refetches after a filter changes). */
async function waitForCount(page: Page, check: (n: number) => boolean) {
  await expect.poll(() => listedCount(page), { timeout: 10_000 }).toSatisfy(check);
}

function section(page: Page, name: string): Locator {
  return page.getByRole("region", { name, exact: true });
}

describe("facility list on a phone, in Khmer", () => {
  it("shows a provincial officer the facilities of Pursat, filters by type, and fits the screen", async () => {
    const page = await signedInPage(browser, "provincial", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto("/facilities");
    await page.getByRole("heading", { level: 1, name: "មូលដ្ឋានផ្តល់សេវា" }).waitFor();
    const list = page.getByRole("list", { name: "មូលដ្ឋានផ្តល់សេវា" });
    await list.waitFor();
    // The phone layout: cards, not the table.
    expect(await page.getByRole("table", { name: "មូលដ្ឋានផ្តល់សេវា" }).isVisible()).toBe(false);

    const total = await listedCount(page);
    expect(total).toBeGreaterThan(0);
    const cards = list.getByRole("listitem");
    const shown = await cards.allInnerTexts();
    expect(shown.length).toBe(Math.min(total, 25));
    // Every facility's place line ends in Pursat (ពោធិ៍សាត់), the officer's province.
    for (const card of shown) expect(card).toContain("ពោធិ៍សាត់");

    // Filters fold away behind a button on a phone.
    const search = page.getByRole("search", { name: "ស្វែងរក និងច្រោះមូលដ្ឋាន" });
    expect(await search.getByRole("combobox", { name: "ប្រភេទ" }).isVisible()).toBe(false);
    await search.getByRole("button", { name: /តម្រង/ }).click();
    await pickOption(page, search.getByRole("combobox", { name: "ប្រភេទ" }), "មណ្ឌលសុខភាព");
    await page.waitForURL(/[?&]kind=HC\b/);
    await waitForCount(page, (n) => n > 0 && n < total);
    const filtered = await list.getByRole("listitem").allInnerTexts();
    expect(filtered.length).toBe(Math.min(await listedCount(page), 25));
    for (const card of filtered) {
      expect(card).toContain("មណ្ឌលសុខភាព");
      expect(card).toContain("ពោធិ៍សាត់");
    }

    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "facilities-km-phone-filtered");
    await page.context().close();
  });
});

describe("facility registry on a desktop, in English", () => {
  const code = `E2E-HC-${RUN}`;
  const nameEn = `E2E Health Centre ${RUN}`;
  const renamed = `E2E Renamed Health Centre ${RUN}`;
  const nameKm = "មណ្ឌលសុខភាពសាកល្បង";

  it("adds a facility, edits it, deactivates and reactivates it, with its history and the map", async () => {
    const page = await signedInPage(browser, "admin", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto("/facilities");
    await page.getByRole("heading", { level: 1, name: "Facilities" }).waitFor();
    await page.getByRole("table", { name: "Facilities" }).waitFor();
    await page.getByRole("link", { name: "Add facility" }).click();
    await page.waitForURL(/\/facilities\/new$/);

    const form = page.locator("form");
    await pickOption(page, form.getByRole("combobox", { name: "Type of facility" }), "Health centre");
    await form.getByRole("textbox", { name: "Facility code" }).fill(code);
    await form.getByRole("textbox", { name: "Name in Khmer" }).fill(nameKm);
    await form.getByRole("textbox", { name: "Name in English" }).fill(nameEn);
    await pickOption(page, form.getByRole("combobox", { name: "Commune / sangkat" }), /Boeng Bat Kandaol/, {
      type: "Boeng Bat",
    });
    // The village picker lists the chosen commune's villages before anything is typed.
    await pickOption(page, form.getByRole("combobox", { name: "Village", exact: true }), /Doung Chrum/);
    await form.getByRole("textbox", { name: "Latitude" }).fill("12.7");
    await form.getByRole("textbox", { name: "Longitude" }).fill("103.82");
    await form.getByRole("textbox", { name: "Address" }).fill("Next to the pagoda");
    await form.getByRole("textbox", { name: "Contact person" }).fill("Sok Dara");
    await form.getByRole("textbox", { name: "Phone" }).fill("012 345 678");
    await form.getByRole("textbox", { name: "Email" }).fill("hc@example.org");
    const services = form.getByRole("combobox", { name: "Services offered" });
    await pickOption(page, services, "Health care");
    await pickOption(page, services, "Nutrition");
    await page.keyboard.press("Escape");
    await pickOption(page, form.getByRole("combobox", { name: "Add a place" }), /Samraong/, {
      type: "15010102",
    });
    await shot(page, "facility-form-filled-en-desktop");
    await form.getByRole("button", { name: "Add facility" }).click();

    await page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: nameEn }).waitFor();
    const detailUrl = page.url();
    const identity = section(page, "Facility");
    expect(await shownText(identity)).toContain(code);
    expect(await shownText(identity)).toContain(nameKm);
    // The path from province to village, from the commune and village chosen.
    const location = await shownText(section(page, "Location"));
    for (const part of [
      "Pursat",
      "Bakan",
      "Boeng Bat Kandaol",
      "Doung Chrum",
      "15010101",
      "Next to the pagoda",
    ])
      expect(location).toContain(part);
    const contact = await shownText(section(page, "Contact"));
    expect(contact).toContain("Sok Dara");
    expect(contact).toContain("hc@example.org");
    const offered = await section(page, "Services").getByRole("listitem").allInnerTexts();
    expect(offered.map((text) => text.trim()).sort()).toEqual(["Health care", "Nutrition"]);
    expect(await shownText(section(page, "Catchment area"))).toContain("Samraong");
    // With GPS, the facility is a point on its commune's map.
    await section(page, "Map").locator("svg circle").first().waitFor();
    // The timeline's entries (the list of changed fields inside an entry has list items too).
    const history = section(page, "History").locator('[role="listitem"]');
    await expect.poll(() => history.count()).toBe(1);
    expect(await shownText(history.first())).toContain("admin added the facility");
    await shot(page, "facility-detail-en-desktop");

    // Edit the English name.
    await page.getByRole("link", { name: "Edit" }).click();
    await page.waitForURL(/\/edit$/);
    const nameField = page.locator("form").getByRole("textbox", { name: "Name in English" });
    await expect.poll(() => nameField.inputValue()).toBe(nameEn);
    await nameField.fill(renamed);
    await page.locator("form").getByRole("button", { name: "Save" }).click();
    await page.waitForURL(detailUrl);
    await page.getByRole("heading", { level: 1, name: renamed }).waitFor();
    await expect.poll(() => history.count()).toBe(2);
    const change = await shownText(history.first());
    expect(change).toContain("admin changed");
    expect(change).toContain("Name in English");
    expect(change).toContain(nameEn);
    expect(change).toContain(renamed);

    // Deactivate with a reason.
    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Deactivate" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Merged with the referral hospital");
    await confirm.click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("main").getByRole("button", { name: "Reactivate" }).waitFor();
    const inactive = page.getByRole("alert").filter({ hasText: "This facility is deactivated" });
    await inactive.waitFor();
    expect(await shownText(inactive)).toContain("Reason: Merged with the referral hospital");
    expect(await shownText(identity)).toContain("Inactive");
    await expect.poll(() => history.count()).toBe(3);
    expect(await shownText(history.first())).toContain("admin deactivated the facility");
    expect(await shownText(history.first())).toContain("Reason: Merged with the referral hospital");
    await shot(page, "facility-deactivated-en-desktop");

    // The default list (active only) no longer finds it; "Inactive only" does.
    await page.goto(`/facilities?q=${code}`);
    await page.getByText("No facility matches").waitFor();
    await page.goto(`/facilities?q=${code}&status=inactive`);
    await waitForCount(page, (n) => n === 1);

    // Reactivate.
    await page.goto(detailUrl);
    await page.getByRole("main").getByRole("button", { name: "Reactivate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByRole("main").getByRole("button", { name: "Deactivate" }).waitFor();
    expect(await page.getByText("This facility is deactivated").count()).toBe(0);
    expect(await shownText(identity)).toContain("Active");
    await expect.poll(() => history.count()).toBe(4);
    const events = await history.allInnerTexts();
    expect(events[0]).toContain("admin reactivated the facility");
    expect(events[1]).toContain("admin deactivated the facility");
    expect(events[2]).toContain("admin changed");
    expect(events[3]).toContain("admin added the facility");
    await shot(page, "facility-history-en-desktop");

    // The map view: the registry's points, the new facility among them.
    await page.goto("/facilities");
    await page.getByRole("table", { name: "Facilities" }).waitFor();
    await page.locator("label", { hasText: "Map" }).click();
    await page.waitForURL(/view=map/);
    const figure = page.getByRole("figure", { name: "Map of facilities" });
    await figure.waitFor();
    await expect.poll(() => figure.getByRole("link", { name: /^[^:]+: / }).count()).toBeGreaterThan(0);
    await figure.getByRole("link", { name: `Health centre: ${renamed}` }).waitFor();
    expect(await shownText(page.getByRole("status").first())).toMatch(/no GPS location/);
    await shot(page, "facilities-map-en-desktop");
    await figure.getByRole("link", { name: `Health centre: ${renamed}` }).click();
    await page.waitForURL(detailUrl);
    await page.context().close();
  });

  it("refuses a duplicate code, with the error on the code field", async () => {
    const page = await signedInPage(browser, "admin", DESKTOP, "en");
    await setLanguage(page, "en");
    // A code already in the registry: the first one the list shows, sorted by code.
    await page.goto("/facilities?sort=code");
    const firstRow = page.getByRole("table", { name: "Facilities" }).locator("tbody tr").first();
    await firstRow.waitFor();
    const taken = (await shownText(firstRow.getByRole("cell").nth(2))).trim();
    expect(taken).toMatch(/^[A-Za-z0-9._-]+$/);

    await page.getByRole("link", { name: "Add facility" }).click();
    await page.waitForURL(/\/facilities\/new$/);
    const form = page.locator("form");
    const codeField = form.getByRole("textbox", { name: "Facility code" });
    await codeField.waitFor();
    // Nothing filled: the required fields are marked invalid before anything is sent.
    await form.getByRole("button", { name: "Add facility" }).click();
    await expect.poll(() => codeField.getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByRole("textbox", { name: "Name in English" }).getAttribute("aria-invalid")).toBe(
      "true",
    );

    await pickOption(page, form.getByRole("combobox", { name: "Type of facility" }), "Primary school");
    await codeField.fill(taken);
    await form.getByRole("textbox", { name: "Name in Khmer" }).fill("សាលាស្ទួន");
    await form.getByRole("textbox", { name: "Name in English" }).fill(`Duplicate School ${RUN}`);
    await pickOption(page, form.getByRole("combobox", { name: "Commune / sangkat" }), /Boeng Bat Kandaol/, {
      type: "150101",
    });
    expect(await codeField.getAttribute("aria-invalid")).not.toBe("true");
    await form.getByRole("button", { name: "Add facility" }).click();
    await expect.poll(() => codeField.getAttribute("aria-invalid")).toBe("true");
    expect(await describedText(codeField)).toContain(`Another facility already has the code ${taken}`);
    // Only the code is wrong; the page stays on the form.
    expect(
      await form.getByRole("textbox", { name: "Name in English" }).getAttribute("aria-invalid"),
    ).not.toBe("true");
    expect(new URL(page.url()).pathname).toBe("/facilities/new");
    await shot(page, "facility-duplicate-code-en-desktop");
    // Leave without the "unsaved changes" question getting in the way of the next test.
    await page.context().close();
  });

  it("imports the good rows of a spreadsheet and reports the bad one", async () => {
    const page = await signedInPage(browser, "admin", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto("/facilities");
    await page.getByRole("link", { name: "Import" }).click();
    await page.waitForURL(/\/facilities\/import$/);
    await page.getByRole("button", { name: "Download the template (CSV)" }).waitFor();

    const prefix = `E2E-IMP-${RUN}`;
    const csv = [
      "code,kind,name_km,name_en,commune_code,village_code,lat,lng,contact_name,phone,email,address,services,catchment",
      `${prefix}-1,PS,សាលាបឋមសិក្សាមួយ,Import School One ${RUN},150101,15010101,12.70,103.82,Chan Thy,012111222,,,education;nutrition,15010101`,
      `${prefix}-2,XX,មណ្ឌលខុស,Import Wrong Kind ${RUN},150101,,,,,,,,,`,
      `${prefix}-3,HC,មណ្ឌលសុខភាពពីរ,Import Health Centre Two ${RUN},150101,15010102,,,,,,,health,`,
    ].join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "facilities.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "Result of the check" }).waitFor();

    const problems = page.getByRole("table", { name: "Rows with problems" });
    const problemRows = problems.locator("tbody tr");
    expect(await problemRows.count()).toBe(1);
    const cells = await problemRows.first().getByRole("cell").allInnerTexts();
    expect(cells[0].trim()).toBe("3"); // the header is row 1
    expect(cells[1]).toContain(`${prefix}-2`);
    expect(cells[2]).toContain("kind");
    const ready = page.getByRole("table", { name: "Rows ready to import" }).locator("tbody tr");
    expect(await ready.count()).toBe(2);
    expect(await ready.allInnerTexts()).toEqual([
      expect.stringContaining(`${prefix}-1`),
      expect.stringContaining(`${prefix}-3`),
    ]);
    expect(await page.getByRole("button", { name: "Import all" }).isDisabled()).toBe(true);
    await shot(page, "facility-import-check-en-desktop");

    await page.getByRole("button", { name: "Import only the 2 good rows" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Import the good rows" }).click();
    await page.getByText("Import finished").waitFor();
    expect(await page.getByText("2 facilities were imported.").count()).toBe(1);
    await shot(page, "facility-import-done-en-desktop");
    await page.getByRole("link", { name: "Open the facility list" }).click();
    await page.waitForURL(/\/facilities\?/);

    await page.getByRole("searchbox", { name: "Search" }).fill(prefix);
    await page.waitForURL(new RegExp(`q=${prefix}`));
    await waitForCount(page, (n) => n === 2);
    const names = await page.getByRole("table", { name: "Facilities" }).locator("tbody tr").allInnerTexts();
    expect(names).toHaveLength(2);
    expect(names.join("\n")).toContain(`Import School One ${RUN}`);
    expect(names.join("\n")).toContain(`Import Health Centre Two ${RUN}`);
    expect(names.join("\n")).not.toContain("Wrong Kind");
    // Leave the administrator in Khmer, the demo's language, for whichever test signs in next.
    await setLanguage(page, "km");
    await page.context().close();
  });
});

describe("a viewer", () => {
  it("sees no add or import actions and is told they cannot add or import", async () => {
    const page = await signedInPage(browser, "viewer", DESKTOP, "km");
    await setLanguage(page, "km");
    await page.goto("/facilities");
    await page.getByRole("table", { name: "មូលដ្ឋានផ្តល់សេវា" }).waitFor();
    expect(await page.getByRole("link", { name: "បន្ថែមមូលដ្ឋាន" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "នាំចូល" }).count()).toBe(0);

    await page.goto("/facilities/new");
    await page.getByText("តួនាទីរបស់អ្នកមិនអាចបន្ថែមមូលដ្ឋានបានទេ").waitFor();
    expect(await page.locator("form").count()).toBe(0);
    expect(await page.getByRole("textbox", { name: "លេខកូដមូលដ្ឋាន" }).count()).toBe(0);
    await shot(page, "facility-new-not-allowed-km-desktop");

    await page.goto("/facilities/import");
    await page.getByText("តួនាទីរបស់អ្នកមិនអាចនាំចូលមូលដ្ឋានបានទេ").waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);

    // The server refuses too, whatever the screen shows.
    const status = await page.evaluate(async () => {
      const session = await (await fetch("/api/v1/auth/session")).json();
      const response = await fetch("/api/v1/facilities", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({
          code: "VIEWER-1",
          kindCode: "PS",
          nameKm: "ក",
          nameEn: "A",
          communeCode: "150101",
          serviceTypeCodes: [],
          catchmentCodes: [],
        }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await page.context().close();
  });
});
