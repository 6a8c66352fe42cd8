import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  fromKhmerDigits,
  khmerFontLoaded,
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  setLanguage,
  shot,
  shownText,
  signedInPage,
} from "./browser";

/**
 * The ISAF dashboards on the demo data (src/server/seeding/isaf-generator.ts makes five years of cycles in
 * Bakan district, Pursat, and a few communes of the other demo provinces): the national officer drills
 * down from Cambodia to a district by clicking the map and the table, opens the records behind a
 * figure and downloads the export; a provincial officer reads Pursat's dashboard on a phone in Khmer.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The number a headline figure shows (Khmer digits read as Latin). */
async function headline(page: Page, key: string): Promise<number> {
  const text = await shownText(page.locator(`[data-figure="${key}"]`).locator("p").nth(1));
  return Number(fromKhmerDigits(text).replace(/[^\d]/g, ""));
}

/** A screenshot of what the screen shows with the heading `name` at the top (a phone page is long). */
async function viewShot(page: Page, heading: string, name: string) {
  await page
    .getByRole("heading", { name: heading, exact: true })
    .first()
    .evaluate((element) => element.scrollIntoView());
  await page.screenshot({ path: path.resolve(import.meta.dirname, "screenshots", `${name}.png`) });
}

async function waitForDashboard(page: Page, title: RegExp) {
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.locator('[data-figure="cycles"]').waitFor();
}

describe("dashboards on a desktop, in English", () => {
  it("drills down from Cambodia to a province by the map and to a district by the table", async () => {
    const page = await signedInPage(browser, "national", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.goto("/dashboards");
    await waitForDashboard(page, /ISAF dashboard: Cambodia/);
    const national = await headline(page, "cycles");
    expect(national).toBeGreaterThan(100);
    await page.getByRole("heading", { name: "Provinces" }).waitFor();
    // The map's shapes are links named with their figure, e.g. "Pursat: 1,234".
    const pursatShape = page.getByRole("link", { name: /^Pursat: / });
    await pursatShape.waitFor();
    // The map is coloured by a count (cycles): its legend reads in whole numbers, "12 – 40", not "12.4".
    const legend = await page.getByRole("list", { name: "Legend" }).getByRole("listitem").allInnerTexts();
    expect(legend.length).toBeGreaterThan(1);
    expect(legend.filter((item) => /\d[.]\d/.test(item))).toEqual([]);
    await shot(page, "dashboards-desktop-en-national");
    await pursatShape.click();

    await waitForDashboard(page, /ISAF dashboard: Pursat/);
    await expect.poll(() => new URL(page.url()).searchParams.get("place")).toBe("15");
    const province = await headline(page, "cycles");
    expect(province).toBeGreaterThan(0);
    expect(province).toBeLessThan(national);
    const breadcrumbs = page.getByRole("navigation", { name: "Where this dashboard is" });
    expect(await shownText(breadcrumbs)).toContain("Cambodia");

    await page.getByRole("heading", { name: "Districts" }).waitFor();
    await page
      .getByRole("table")
      .filter({ hasText: "Open an area" })
      .getByRole("link", { name: "Bakan", exact: true })
      .click();
    await waitForDashboard(page, /ISAF dashboard: Bakan/);
    await page.getByRole("heading", { name: "Communes" }).waitFor();
    expect(await shownText(page.getByRole("navigation", { name: "Where this dashboard is" }))).toMatch(
      /Cambodia.*Pursat.*Bakan/s,
    );
    await page.getByRole("heading", { name: "Indicators and scores" }).waitFor();
    await page.getByRole("link", { name: /^Boeng Bat Kandaol: / }).waitFor();
    await shot(page, "dashboards-desktop-en-district");

    // A figure opens the records behind it: the late cycles of Bakan.
    await page.locator('[data-figure="late"]').click();
    await page.waitForURL((url) => url.pathname === "/cycles");
    const params = new URL(page.url()).searchParams;
    expect(params.get("place")).toBe("1501");
    expect(params.get("late")).toBe("1");
    await page.goBack();
    await waitForDashboard(page, /ISAF dashboard: Bakan/);

    // The export downloads with the scope and the date in its name.
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel (XLSX)" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^samleng-isaf-dashboard-1501-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^samleng-isaf-dashboard-1501-.*\.csv$/);
    await page.context().close();
  });
});

describe("dashboards on a phone, in Khmer", () => {
  it("opens a provincial officer's own province, fits the screen and drills into a district", async () => {
    const page = await signedInPage(browser, "provincial", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto("/dashboards");
    await waitForDashboard(page, /ផ្ទាំងព័ត៌មាន ISAF៖ ពោធិ៍សាត់/);
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await headline(page, "cycles")).toBeGreaterThan(0);
    await page.getByRole("heading", { name: "ស្រុក/ក្រុង/ខណ្ឌ" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "dashboards-phone-km-province");

    // The nation is outside the officer's area: the breadcrumb names it without a link.
    const breadcrumbs = page.getByRole("navigation", { name: "ទីតាំងនៃផ្ទាំងព័ត៌មាននេះ" });
    expect(await breadcrumbs.getByRole("link").count()).toBe(0);

    await page
      .getByRole("table")
      .filter({ hasText: "បើកតំបន់មួយ" })
      .getByRole("link", { name: "បាកាន", exact: true })
      .click();
    await waitForDashboard(page, /ផ្ទាំងព័ត៌មាន ISAF៖ បាកាន/);
    await page.getByRole("heading", { name: "សូចនាករ និងពិន្ទុ" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "dashboards-phone-km-district");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.resolve(import.meta.dirname, "screenshots", "dashboards-phone-km-top.png"),
    });
    await viewShot(page, "ឃុំ/សង្កាត់", "dashboards-phone-km-areas");
    await viewShot(page, "វដ្ត និងអ្នកចូលរួម", "dashboards-phone-km-people");
    await viewShot(page, "សូចនាករ និងពិន្ទុ", "dashboards-phone-km-indicators");
    await viewShot(page, "សកម្មភាព JAAP និងគណៈកម្មការ", "dashboards-phone-km-actions");
    await page.context().close();
  });
});
