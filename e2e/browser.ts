import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
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

/**
 * Each browser context and API session comes from its own client address, as real users behind the
 * proxy would (the test server trusts X-Forwarded-For from loopback): the per-address sign-in limit
 * then applies to each, not to the whole suite at once.
 */
export function clientAddress(): string {
  const part = () => Math.floor(Math.random() * 250) + 1;
  return `10.${part()}.${part()}.${part()}`;
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
    extraHTTPHeaders: { "x-forwarded-for": clientAddress() },
  });
  const page = await context.newPage();
  watchSecurityPolicy(page);
  return page;
}

/** What each page's content security policy refused (Chromium reports it on the console). */
const refusedByPolicy = new WeakMap<Page, string[]>();

function watchSecurityPolicy(page: Page) {
  const refused: string[] = [];
  refusedByPolicy.set(page, refused);
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy"))
      refused.push(message.text());
  });
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

/** Waits until an element (a dialog opening, say) has no running transition, for a clear screenshot. */
export async function settled(locator: Locator) {
  await locator.waitFor();
  await locator.evaluate((element) =>
    Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)),
  );
}

/** Saves a screenshot under e2e/screenshots/ to look at: the whole page, or only the screen (for a dialog over a long page). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  // Every page looked at must also have loaded whole under the security headers (issue 13, part 10).
  const refused = refusedByPolicy.get(page) ?? [];
  if (refused.length > 0) throw new Error(`the content security policy refused: ${refused.join(" | ")}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
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

/** Latin digits for Khmer ones ("៤៧" → "47"), to read numbers the Khmer interface shows. */
export function fromKhmerDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}

/**
 * Chooses an option of a Mantine Select or MultiSelect: opens it, types `type` into it when given
 * (searchable pickers ask the server as one types), and clicks the option with that name.
 */
export async function pickOption(
  page: Page,
  combobox: Locator,
  option: string | RegExp,
  options: { type?: string } = {},
) {
  await combobox.click();
  if (options.type !== undefined) await combobox.fill(options.type);
  const choice = page.getByRole("option", { name: option }).first();
  await choice.waitFor();
  await choice.click();
}

/** Fills in and sends the sign-in form without waiting to get in (for refusals and two-factor). */
export async function attemptSignIn(page: Page, username: string, password: string) {
  await page.goto("/sign-in");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** A session opened through the API (not the browser): its cookie and CSRF token. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API, for setting things up without the screens (e.g. users of one test). */
export async function apiSignIn(username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": clientAddress() },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(`API sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A JSON request to the API in a session; throws unless the answer is 2xx. */
export async function apiRequest<T = unknown>(
  session: ApiSession,
  method: "GET" | "POST" | "PUT",
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl()}${route}`, {
    method,
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The texts a form field points to with aria-describedby (its description and error message). */
export async function describedText(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts = await Promise.all(
    ids.map(async (id) => {
      const element = field.page().locator(`[id="${id}"]`);
      return (await element.count()) > 0 ? shownText(element) : "";
    }),
  );
  return texts.join(" ");
}

/** The text of an element as it is shown (hidden text left out, table cells separated by tabs). */
export function shownText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the rendered text, is what is meant.
  return locator.innerText();
}

/** A demo user's session for API calls (cookie and CSRF token). */
export function demoSession(username: string): Promise<ApiSession> {
  return apiSignIn(username);
}

/**
 * A fresh page (own cookies and viewport) already signed in as a demo user, at the home page. For
 * tests whose subject is not the sign-in itself; the app then shows the user's own language.
 */
export async function signedInPage(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number },
  locale: "km" | "en" = "km",
): Promise<Page> {
  const { cookie } = await demoSession(username);
  const split = cookie.indexOf("=");
  const page = await newPage(browser, viewport, locale);
  await page
    .context()
    .addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl() }]);
  await page.goto("/");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page;
}
