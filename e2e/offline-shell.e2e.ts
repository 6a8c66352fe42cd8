import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  khmerFontLoaded,
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  setLanguage,
  shot,
  signedInPage,
} from "./browser";

/**
 * The installable app shell (issue 4, part 1): the service worker precaches the app, its fonts and
 * icons, so the app opens with no network at all; the offline indicator says so honestly, on every
 * page, and goes away when the connection is back.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe("the app without a connection", () => {
  it("opens from the device on a phone in Khmer after a reload with no network, and says it is offline", async () => {
    const page = await signedInPage(browser, "facilitator", PHONE, "km");
    // The first visit installs the service worker and says so once, on that page (a new page load
    // would not say it again), below the page's header rather than over it.
    const notice = page.getByText("ឥឡូវនេះ សំឡេងអាចបើកនៅលើឧបករណ៍នេះបាន ទោះគ្មានការតភ្ជាប់ក៏ដោយ។");
    await notice.waitFor();
    const header = await page.locator("header").first().boundingBox();
    const box = await notice.boundingBox();
    expect(box!.y).toBeGreaterThan(header!.y + header!.height);
    await page.goto("/");
    await page.getByRole("navigation").first().waitFor();
    // The first visit installs the service worker; from the next load on it answers for the app.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const manifest = await page.evaluate(() => fetch("/manifest.webmanifest").then((r) => r.json()));
    expect(manifest).toMatchObject({ lang: "km", display: "standalone", start_url: "/" });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual([
      "192x192",
      "512x512",
      "any",
    ]);

    const banner = page.getByTestId("offline-banner");
    expect(await banner.count()).toBe(0);
    await page.context().setOffline(true);
    await banner.getByText("គ្មានការតភ្ជាប់").waitFor();

    // A reload with no network: the shell comes from the device, in Khmer, with the Khmer font.
    // The server cannot be asked who is signed in, so the app says so and offers to try again.
    await page.reload();
    const retry = page.getByRole("button", { name: "ព្យាយាមម្តងទៀត" });
    await retry.waitFor();
    await banner.getByText("គ្មានការតភ្ជាប់").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("km");
    expect(await khmerFontLoaded(page)).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "offline-shell-km-phone");

    // Back in signal: the banner goes, and trying again opens the home page.
    await page.context().setOffline(false);
    await expect.poll(() => banner.count()).toBe(0);
    await retry.click();
    await page.getByRole("navigation").first().waitFor();
    await page.context().close();
  });

  it("shows the same indicator on a desktop in English, above the page, out of the way of the menu", async () => {
    const page = await signedInPage(browser, "ngo", DESKTOP, "en");
    await setLanguage(page, "en");
    await page.context().setOffline(true);
    const banner = page.getByTestId("offline-banner");
    await banner.getByText("No connection").waitFor();
    expect(await banner.textContent()).toContain("cannot load or save anything");
    await shot(page, "offline-banner-en-desktop");
    await page.context().setOffline(false);
    await expect.poll(() => banner.count()).toBe(0);
    await page.context().close();
  });
});
