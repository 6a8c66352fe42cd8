import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const DEMO_PASSWORD = "Samleng-Demo-2026";
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
const SHOTS = path.resolve(import.meta.dirname, "screenshots");

/** The system Chromium (Debian's), never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** A fresh page (own cookies) at a viewport, with the browser asking for a language. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number },
  locale: "km" | "en" = "km",
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: locale === "km" ? "km-KH" : "en-GB",
    baseURL: baseUrl(),
  });
  return context.newPage();
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Switches the interface language with the header's language control. */
export async function setLanguage(page: Page, language: "km" | "en") {
  const current = await page.locator("html").getAttribute("lang");
  if (current === language) return;
  await page
    .getByRole("button", { name: language === "km" ? /Khmer|ខ្មែរ/ : /English/ })
    .first()
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Saves a full-page screenshot under e2e/screenshots/ for a person to look at. */
export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** True when the page is wider than its viewport (something overflows on a phone). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** True when the Khmer web font is loaded and used (not a fallback that cannot shape Khmer). */
export function khmerFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Sans Khmer"', "ក្រសួង");
  });
}
