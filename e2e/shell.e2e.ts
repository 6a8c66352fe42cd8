import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  khmerFontLoaded,
  launchBrowser,
  newPage,
  overflowsHorizontally,
  PHONE,
  setLanguage,
  shot,
  signIn,
} from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("sign-in, language and home", () => {
  it("opens in Khmer on a phone, refuses a wrong password with a Khmer message, then signs in", async () => {
    const page = await newPage(browser, PHONE, "km");
    await page.goto("/");
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator("html").getAttribute("lang")).toBe("km");
    await page.locator('input[name="username"]').fill("viewer");
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByText("ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។").count()).toBeGreaterThan(0);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "sign-in-km-phone");
    await page.locator('input[name="password"]').fill("Samleng-Demo-2026");
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "home-km-phone");
    await page.context().close();
  });

  it("remembers the language a user chose, across sign-ins", async () => {
    const page = await newPage(browser, DESKTOP, "km");
    await signIn(page, "supervisor");
    await setLanguage(page, "en");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await shot(page, "home-en-desktop");
    const fresh = await newPage(browser, DESKTOP, "km");
    await signIn(fresh, "supervisor");
    await fresh.waitForFunction(() => document.documentElement.lang === "en");
    await setLanguage(fresh, "km");
    await page.context().close();
    await fresh.context().close();
  });

  it("shows real facility counts on the home page", async () => {
    const page = await newPage(browser, DESKTOP, "en");
    await signIn(page, "admin");
    await setLanguage(page, "en");
    // Pursat is one of the demo provinces; its row shows a count.
    await page.getByText("Pursat").first().waitFor();
    await page.context().close();
  });
});

describe("place browser", () => {
  it("finds a commune by its Khmer name and shows its path, on a phone", async () => {
    const page = await newPage(browser, PHONE, "km");
    await signIn(page, "viewer");
    await page.goto("/places");
    await page.getByRole("searchbox").fill("បឹងបត់កណ្ដាល");
    const result = page.getByRole("link", { name: /បឹងបត់កណ្ដាល/ }).first();
    await result.waitFor();
    // The path: district and province names appear with the result.
    await page.getByText(/បាកាន/).first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "places-search-km-phone");
    await result.click();
    await page.waitForURL(/\/places\/150101$/);
    await page.getByText("15010101").first().waitFor();
    await shot(page, "place-commune-km-phone");
    await page.context().close();
  });

  it("browses from a province to its districts with a boundary map, in English on a desktop", async () => {
    const page = await newPage(browser, DESKTOP, "en");
    await signIn(page, "viewer");
    await setLanguage(page, "en");
    await page.goto("/places/15");
    await page.getByRole("link", { name: /Bakan/ }).first().waitFor();
    await expect.poll(() => page.locator("svg path").count()).toBeGreaterThanOrEqual(7);
    await shot(page, "place-province-en-desktop");
    await page.getByRole("link", { name: /Bakan/ }).first().click();
    await page.waitForURL(/\/places\/1501$/);
    await page.context().close();
  });

  it("finds a place by a misspelt Latin name", async () => {
    const page = await newPage(browser, DESKTOP, "en");
    await signIn(page, "viewer");
    await setLanguage(page, "en");
    await page.goto("/places?q=battambong");
    await page
      .getByRole("link", { name: /Battambang/ })
      .first()
      .waitFor();
    await page.context().close();
  });
});
