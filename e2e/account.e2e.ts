import * as OTPAuth from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiRequest,
  apiSignIn,
  attemptSignIn,
  DESKTOP,
  demoSession,
  describedText,
  launchBrowser,
  newPage,
  PHONE,
  setLanguage,
  shot,
  shownText,
  signIn,
} from "./browser";

let browser: Browser;

const RUN = Date.now().toString(36);
const PASSWORD = "Prey-Veng-Rice-Field-52";
const NEW_PASSWORD = "Kampong-Cham-Bridge-93";

/**
 * A facilitator of this file's own, made through the API by the demo administrator: changing a demo
 * user's password or two-factor setting would spoil later test files on the same server. The tests
 * follow this one user in order (two-factor on and off, a new password, signing out everywhere) on
 * one page.
 */
const username = `e2e.caf.${RUN}`;
const displayName = `E2E Facilitator ${RUN}`;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await demoSession("admin");
  await apiRequest(admin, "POST", "/api/v1/users", {
    username,
    displayName,
    roles: ["facilitator"],
    area: { national: false, codes: ["150101"] },
    locale: "en",
    password: PASSWORD,
  });
  page = await newPage(browser, DESKTOP, "en");
});
afterAll(() => browser.close());

function codeFor(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/**
 * Opens the account page from the user menu, as a person does. (Loading the address anew would lock
 * this facilitator's field store and ask for the password first: e2e/field-offline.e2e.ts.)
 */
async function openAccount(page: Page) {
  await page.getByRole("button", { name: `Account menu for ${displayName}` }).click();
  await page.getByRole("menuitem", { name: "My account" }).click();
  await page.getByRole("heading", { level: 1, name: "My account" }).waitFor();
}

describe("my account", () => {
  it("turns on two-factor sign-in, then needs the code to sign in, then turns it off", async () => {
    await signIn(page, username, PASSWORD);
    await openAccount(page);
    const section = page.getByRole("region", { name: "Two-factor sign-in" });
    expect(await shownText(section)).toMatch(/Status:\s*Off/);

    await section.getByRole("button", { name: "Start setup" }).click();
    const shown = await shownText(section.getByTestId("totp-secret"));
    const secret = shown.replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The setup link carries the same key, for a phone's authenticator app.
    const link = await section.getByRole("link", { name: /^otpauth:\/\// }).getAttribute("href");
    expect(new URL(link ?? "").searchParams.get("secret")).toBe(secret);

    // A wrong code is refused on the field; the right one turns two-factor on.
    const codeField = section.getByRole("textbox", { name: "Code from the app" });
    await codeField.fill(codeFor(secret) === "000000" ? "111111" : "000000");
    await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await section.getByText("That code is wrong or has expired.").waitFor();
    await codeField.fill(codeFor(secret));
    await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByText("Two-factor sign-in is on.").waitFor();
    await expect.poll(() => shownText(section)).toMatch(/Status:\s*On/);
    await section.getByRole("button", { name: "Turn off two-factor sign-in" }).waitFor();
    await shot(page, "account-totp-on-en-desktop");

    // Sign out, then in again: the password alone is not enough.
    await page
      .getByRole("region", { name: "Sessions" })
      .getByRole("button", { name: "Sign out", exact: true })
      .click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText("You have signed out.").waitFor();
    await attemptSignIn(page, username, PASSWORD);
    const twoFactorCode = page.getByRole("textbox", { name: "Two-factor code" });
    await twoFactorCode.waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await shot(page, "account-sign-in-code-en-desktop");
    await twoFactorCode.fill(codeFor(secret));
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.getByRole("button", { name: `Account menu for ${displayName}` }).waitFor();

    // Turn it off again, confirmed with the password.
    await openAccount(page);
    const password = section.getByRole("textbox", { name: "Password" });
    await password.fill("not my password");
    await section.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect.poll(() => describedText(password)).toContain("The current password is wrong.");
    expect(await shownText(section)).toMatch(/Status:\s*On/);
    await password.fill(PASSWORD);
    await section.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await page.getByText("Two-factor sign-in is off.").waitFor();
    await expect.poll(() => shownText(section)).toMatch(/Status:\s*Off/);
    await section.getByRole("button", { name: "Start setup" }).waitFor();
  });

  it("changes the password: a too-short one is refused, a good one signs the user out", async () => {
    await openAccount(page);
    const section = page.getByRole("region", { name: "Change password" });
    const current = section.getByRole("textbox", { name: "Current password" });
    const next = section.getByRole("textbox", { name: "New password", exact: true });
    const again = section.getByRole("textbox", { name: "New password again" });

    await current.fill(PASSWORD);
    await next.fill("short1");
    await again.fill("short1");
    await section.getByRole("button", { name: "Change password" }).click();
    await section.getByText("Use at least 10 characters.").waitFor();
    // The message belongs to the new password's field.
    expect(await describedText(next)).toContain("Use at least 10 characters.");
    expect(await describedText(current)).not.toContain("Use at least");
    expect(new URL(page.url()).pathname).toBe("/account");
    await shot(page, "account-password-too-short-en-desktop");

    // Two different new passwords are caught before anything is sent.
    await next.fill(NEW_PASSWORD);
    await again.fill(`${NEW_PASSWORD}x`);
    await section.getByRole("button", { name: "Change password" }).click();
    await section.getByText("The two new passwords are not the same.").waitFor();

    await again.fill(NEW_PASSWORD);
    await section.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText("Your password has been changed. Sign in with the new password.").waitFor();

    await attemptSignIn(page, username, PASSWORD);
    await page.getByText("Wrong user name or password.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    // The new password lets the user in, with no code now that two-factor is off.
    await page.locator('input[name="password"]').fill(NEW_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.getByRole("button", { name: `Account menu for ${displayName}` }).waitFor();
  });

  it("signs out everywhere, ending the session on another device too", async () => {
    const phone = await newPage(browser, PHONE, "en");
    await signIn(phone, username, NEW_PASSWORD);
    await phone.getByRole("heading", { level: 1, name: `Welcome, ${displayName}` }).waitFor();

    await openAccount(page);
    await page
      .getByRole("region", { name: "Sessions" })
      .getByRole("button", { name: "Sign out everywhere" })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("You will be signed out on this device and on every other device.").waitFor();
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText("You have signed out on all your devices.").waitFor();

    // The phone still shows the home page; its next request finds the session gone.
    await phone.getByRole("button", { name: "Open the menu" }).click();
    await phone
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Facilities" })
      .click();
    await phone.waitForURL(/\/sign-in/);
    await phone.getByText("Your session has ended. Please sign in again.").waitFor();
    await shot(phone, "account-session-ended-en-phone");
    // And going back to the account page does not get in.
    await phone.goto("/account");
    await phone.waitForURL(/\/sign-in/);
    await phone.context().close();
  });

  it("gives her the language she chose on the sign-in page, and saves it as hers", async () => {
    // Her saved language is Khmer; on the sign-in page (Khmer until someone picks) she picks English.
    const before = await apiSignIn(username, NEW_PASSWORD);
    await apiRequest(before, "PUT", "/api/v1/auth/preferences", { locale: "km" });
    const phone = await newPage(browser, PHONE, "en");
    await phone.goto("/sign-in");
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await setLanguage(phone, "en");
    await phone.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await signIn(phone, username, NEW_PASSWORD);
    await phone.getByRole("heading", { level: 1, name: `Welcome, ${displayName}` }).waitFor();
    expect(await phone.locator("html").getAttribute("lang")).toBe("en");
    await shot(phone, "account-signed-in-in-english-en-phone");
    const after = await apiSignIn(username, NEW_PASSWORD);
    const me = await apiRequest<{ user: { locale: string } }>(after, "GET", "/api/v1/auth/session");
    expect(me.user.locale).toBe("en");
    await phone.context().close();
  });
});
