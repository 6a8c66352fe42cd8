import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../src/contracts/audit-actions";
import {
  apiRequest,
  attemptSignIn,
  DESKTOP,
  demoSession,
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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await admin?.context().close();
  await browser.close();
});

const RUN = Date.now().toString(36);
const username = `e2e.officer.${RUN}`;
const displayName = `E2E Officer ${RUN.toUpperCase()}`;
const firstPassword = "Mekong-Lotus-Harvest-71";
const secondPassword = "Tonle-Sap-Monsoon-48";

/** One administrator's page for the desktop tests, and one page of the new user's. */
let admin: Page;
/** The new user, signed in on another device. */
let device: Page;
let userUrl = "";

describe("user administration on a desktop, in English", () => {
  beforeAll(async () => {
    admin = await signedInPage(browser, "admin", DESKTOP, "en");
    await setLanguage(admin, "en");
  });

  it("creates a user with two roles and Pursat as their area, who can then sign in", async () => {
    await admin.goto("/admin/users");
    await admin.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await admin.getByRole("table", { name: "Users" }).waitFor();
    await admin.getByRole("link", { name: "Add a user" }).click();
    await admin.getByRole("heading", { level: 1, name: "New user" }).waitFor();

    const form = admin.getByRole("form", { name: "New user" });
    // Nothing filled: the form says what is missing and sends nothing.
    await form.getByRole("button", { name: "Create user" }).click();
    await form.getByText("Choose at least one role.").waitFor();
    await form.getByText("Add at least one place, or give national access.").waitFor();
    expect(new URL(admin.url()).pathname).toBe("/admin/users/new");

    await form.getByRole("textbox", { name: "User name" }).fill(username);
    await form.getByRole("textbox", { name: "Full name" }).fill(displayName);
    await form.getByRole("textbox", { name: "Email (optional)" }).fill(`${RUN}@example.org`);
    await pickOption(admin, form.getByRole("combobox", { name: "Organisation" }), /Children's Voice NGO/);
    await form.getByRole("radio", { name: "English" }).check();
    await form.getByRole("checkbox", { name: "District officer" }).check();
    await form.getByRole("checkbox", { name: "Supervisor" }).check();
    await pickOption(admin, form.getByRole("combobox", { name: "Add a place" }), /^Pursat\s*Province/, {
      type: "Pursat",
    });
    const places = form.getByRole("list", { name: "Places of the area" });
    await places.getByText("Pursat").first().waitFor();
    expect(await places.getByRole("listitem").count()).toBe(1);
    await form.getByLabel(/^First password/).fill(firstPassword);
    await shot(admin, "admin-user-new-en-desktop");
    await form.getByRole("button", { name: "Create user" }).click();

    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    userUrl = admin.url();
    await admin.getByRole("heading", { level: 1, name: displayName }).waitFor();
    const edit = admin.getByRole("form", { name: "Edit user" });
    expect(await edit.getByRole("checkbox", { name: "District officer" }).isChecked()).toBe(true);
    expect(await edit.getByRole("checkbox", { name: "Supervisor" }).isChecked()).toBe(true);
    expect(await edit.getByRole("checkbox", { name: "Viewer" }).isChecked()).toBe(false);
    await edit.getByRole("list", { name: "Places of the area" }).getByText("Pursat").first().waitFor();

    // The new user signs in on another device, in the language chosen for them, and sees their name.
    device = await newPage(browser, DESKTOP, "km");
    await signIn(device, username, firstPassword);
    await device.waitForFunction(() => document.documentElement.lang === "en");
    await device.getByRole("heading", { level: 1, name: `Welcome, ${displayName}` }).waitFor();
    await device.getByRole("button", { name: `Account menu for ${displayName}` }).waitFor();
    await shot(device, "admin-new-user-home-en-desktop");
  });

  it("adds a role to the user, sets a new password, and switches them off", async () => {
    expect(userUrl).not.toBe("");
    await admin.goto(userUrl);
    const edit = admin.getByRole("form", { name: "Edit user" });
    await edit.getByRole("checkbox", { name: "Viewer" }).check();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText(`Changes to ${displayName} saved.`).waitFor();
    await admin.reload();
    await edit.getByRole("checkbox", { name: "Viewer" }).waitFor();
    expect(await edit.getByRole("checkbox", { name: "Viewer" }).isChecked()).toBe(true);
    expect(await edit.getByRole("checkbox", { name: "Supervisor" }).isChecked()).toBe(true);

    // The list finds the user by name, with the three roles.
    await admin.goto("/admin/users");
    await admin.getByRole("searchbox", { name: "Search users" }).fill(RUN);
    await admin.waitForURL(new RegExp(`q=${RUN}`));
    const rows = admin.getByRole("table", { name: "Users" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    const row = await shownText(rows.first());
    for (const text of [displayName, username, "District officer", "Supervisor", "Viewer", "Pursat"])
      expect(row).toContain(text);
    await shot(admin, "admin-users-search-en-desktop");

    // The user is still signed in on their device (from the first test); a new password ends that session.
    await device.getByRole("button", { name: `Account menu for ${displayName}` }).waitFor();
    await admin.getByRole("link", { name: displayName }).click();
    await admin.waitForURL(userUrl);
    await admin.getByRole("button", { name: "Set a new password" }).click();
    const dialog = admin.getByRole("dialog", { name: `New password for ${displayName}` });
    await dialog.getByRole("textbox", { name: "New password", exact: true }).fill(secondPassword);
    await dialog
      .getByRole("textbox", { name: "New password again", exact: true })
      .fill("something else entirely");
    await dialog.getByRole("button", { name: "Set password" }).click();
    await dialog.getByText("The two passwords are not the same.").waitFor();
    await dialog.getByRole("textbox", { name: "New password again", exact: true }).fill(secondPassword);
    await dialog.getByRole("button", { name: "Set password" }).click();
    await dialog.waitFor({ state: "hidden" });
    await admin.getByText(`New password set for ${displayName}.`).waitFor();

    // That device's session has ended; the new password lets the user back in.
    await device.goto("/account");
    await device.waitForURL(/\/sign-in/);
    await attemptSignIn(device, username, secondPassword);
    await device.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    // Back where the ended session was (My account), as the user.
    await device.getByRole("heading", { level: 1, name: "My account" }).waitFor();
    await device.getByRole("button", { name: `Account menu for ${displayName}` }).waitFor();

    // Switch the user off: the open session ends and signing in is refused.
    await admin.getByRole("button", { name: "Switch off" }).click();
    const confirm = admin.getByRole("dialog", { name: `Switch off ${displayName}?` });
    await confirm.getByRole("button", { name: "Switch off" }).click();
    await confirm.waitFor({ state: "hidden" });
    await admin.getByRole("button", { name: "Switch on again" }).waitFor();
    const account = admin.getByRole("region", { name: "Account", exact: true });
    expect(await shownText(account)).toContain("Switched off");
    await shot(admin, "admin-user-switched-off-en-desktop");

    await device.goto("/account");
    await device.waitForURL(/\/sign-in/);
    await attemptSignIn(device, username, secondPassword);
    await device.getByText("This account is switched off.").waitFor();
    expect(new URL(device.url()).pathname).toBe("/sign-in");
    await shot(device, "admin-switched-off-sign-in-en-desktop");
    await device.context().close();
  });

  it("adds an organisation and edits it", async () => {
    const nameEn = `E2E Youth Network ${RUN}`;
    const renamed = `E2E Youth Network Pursat ${RUN}`;
    await admin.goto("/admin/organisations");
    await admin.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    const table = admin.getByRole("table", { name: "Organisations" });
    await table.waitFor();
    await admin.getByRole("button", { name: "Add an organisation" }).click();
    const dialog = admin.getByRole("dialog", { name: "New organisation" });
    // Nothing filled: each required field says so.
    await dialog.getByRole("button", { name: "Add organisation" }).click();
    await expect
      .poll(() => dialog.getByRole("textbox", { name: "Name in English" }).getAttribute("aria-invalid"))
      .toBe("true");
    await dialog.getByRole("textbox", { name: "Name in Khmer" }).fill("បណ្តាញយុវជនសាកល្បង");
    await dialog.getByRole("textbox", { name: "Name in English" }).fill(nameEn);
    await pickOption(admin, dialog.getByRole("combobox", { name: "Type" }), "NGO");
    await pickOption(
      admin,
      dialog.getByRole("combobox", { name: "Based in (optional)" }),
      /^Pursat\s*Province/,
      {
        type: "Pursat",
      },
    );
    expect(await dialog.getByRole("switch", { name: "Active" }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Add organisation" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = table.locator("tbody tr", { hasText: nameEn });
    await row.waitFor();
    const created = await shownText(row);
    expect(created).toContain("NGO");
    expect(created).toContain("Pursat");
    expect(created).toContain("0 users");
    expect(created).not.toContain("Inactive");

    await row.getByRole("button", { name: `Edit ${nameEn}` }).click();
    const editing = admin.getByRole("dialog", { name: "Edit organisation" });
    expect(await editing.getByRole("textbox", { name: "Name in English" }).inputValue()).toBe(nameEn);
    await editing.getByRole("textbox", { name: "Name in English" }).fill(renamed);
    await editing.getByRole("switch", { name: "Active" }).uncheck({ force: true });
    await editing.getByRole("button", { name: "Save changes" }).click();
    await editing.waitFor({ state: "hidden" });
    const changed = table.locator("tbody tr", { hasText: renamed });
    await changed.waitFor();
    expect(await shownText(changed)).toContain("Inactive");
    expect(await table.locator("tbody tr", { hasText: new RegExp(`${nameEn}$`, "m") }).count()).toBe(0);
    await shot(admin, "admin-organisations-en-desktop");
  });

  it("requires two-factor sign-in for a role, then stops requiring it", async () => {
    const role = "Social worker";
    const label = `Require two-factor sign-in for ${role}`;
    await admin.goto("/admin/roles");
    await admin.getByRole("heading", { level: 1, name: "Role settings" }).waitFor();
    const toggle = admin.getByRole("switch", { name: label });
    await toggle.waitFor({ state: "attached" });
    const before = await toggle.isChecked();
    try {
      await toggle.click({ force: true });
      await admin
        .getByText(
          before
            ? `${role}: two-factor sign-in is no longer required.`
            : `${role}: two-factor sign-in is now required.`,
        )
        .waitFor();
      await admin.reload();
      await toggle.waitFor({ state: "attached" });
      expect(await toggle.isChecked()).toBe(!before);
      await shot(admin, "admin-roles-en-desktop");
    } finally {
      // Restore the setting whatever happened above: other tests sign in as social workers.
      await expect.poll(() => toggle.isDisabled()).toBe(false);
      if ((await toggle.isChecked()) !== before) {
        await toggle.click({ force: true });
        await admin
          .getByText(
            before
              ? `${role}: two-factor sign-in is now required.`
              : `${role}: two-factor sign-in is no longer required.`,
          )
          .waitFor();
      }
    }
    await admin.reload();
    await toggle.waitFor({ state: "attached" });
    expect(await toggle.isChecked()).toBe(before);
  });

  it("shows the user's creation and changes in the audit log, with the changed fields", async () => {
    await admin.goto("/admin/audit");
    await admin.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await pickOption(admin, admin.getByRole("combobox", { name: "Record type" }), "User");
    await admin.waitForURL(/entityType=user/);
    const events = admin.getByRole("table", { name: "Audit events" });
    await events.waitFor();
    // Only user records are left.
    await expect
      .poll(async () =>
        (await events.locator("tbody tr td:nth-child(4)").allInnerTexts()).every((t) => t.startsWith("User")),
      )
      .toBe(true);

    const createdRow = events.locator("tbody tr", { hasText: "User created" }).filter({ hasText: username });
    await createdRow.waitFor();
    expect(await createdRow.count()).toBe(1);
    expect(await shownText(createdRow)).toContain("admin");
    await createdRow.getByRole("button", { name: /^Details: User created, / }).click();
    const dialog = admin.getByRole("dialog", { name: "User created" });
    const fields = dialog.getByRole("table", { name: "Changed fields" });
    await fields.waitFor();
    const byField = async (field: string) =>
      (
        await shownText(
          fields.locator("tbody tr", { has: admin.getByRole("rowheader", { name: field, exact: true }) }),
        )
      )
        .split("\t")
        .map((cell) => cell.trim());
    expect((await byField("User name"))[2]).toBe(username);
    expect((await byField("Full name"))[2]).toBe(displayName);
    const roles = (await byField("Roles"))[2];
    expect(roles).toContain("District officer");
    expect(roles).toContain("Supervisor");
    expect(roles).not.toContain("Viewer");
    expect((await byField("Area"))[2]).toContain("Pursat");
    await shot(admin, "admin-audit-created-en-desktop");
    await admin.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // The edit that added a role: before and after.
    const changedRow = events
      .locator("tbody tr", { hasText: "User changed" })
      .filter({ hasText: username })
      .filter({ has: admin.getByRole("button", { name: /^Details: User changed, / }) });
    // Two edits: the added role, then switching off.
    await expect.poll(() => changedRow.count()).toBe(2);
    await changedRow
      .last()
      .getByRole("button", { name: /^Details: User changed, / })
      .click();
    const changes = admin
      .getByRole("dialog", { name: "User changed" })
      .getByRole("table", { name: "Changed fields" });
    const rolesRow = (await shownText(changes.locator("tbody tr", { hasText: "Roles" }))).split("\t");
    expect(rolesRow[1]).not.toContain("Viewer");
    expect(rolesRow[2]).toContain("Viewer");
    await admin.keyboard.press("Escape");
    await changedRow
      .first()
      .getByRole("button", { name: /^Details: User changed, / })
      .click();
    const switchedOff = admin
      .getByRole("dialog", { name: "User changed" })
      .getByRole("table", { name: "Changed fields" });
    expect(
      (await shownText(switchedOff.locator("tbody tr", { hasText: "Active" })))
        .split("\t")
        .map((c) => c.trim()),
    ).toEqual(["Active", "Yes", "No"]);
    await admin.keyboard.press("Escape");
  });
});

describe("user administration on a phone, in Khmer", () => {
  it("shows the users list and a user's page without overflowing the screen", async () => {
    // The administrator's session from the desktop, on a phone.
    const page = await signedInPage(browser, "admin", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto("/admin/users");
    await page.getByRole("heading", { level: 1, name: "អ្នកប្រើប្រាស់" }).waitFor();
    const list = page.getByRole("list", { name: "អ្នកប្រើប្រាស់" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBeGreaterThan(5);
    expect(await page.getByRole("table", { name: "អ្នកប្រើប្រាស់" }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "admin-users-km-phone");

    await page.getByRole("searchbox", { name: "ស្វែងរកអ្នកប្រើប្រាស់" }).fill(RUN);
    await page.waitForURL(new RegExp(`q=${RUN}`));
    await expect.poll(() => list.getByRole("listitem").count()).toBe(1);
    await list.getByRole("link", { name: displayName }).click();
    await page.getByRole("heading", { level: 1, name: displayName }).waitFor();
    await page.getByRole("region", { name: "គណនី", exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "admin-user-km-phone");
    await page.context().close();
  });

  it("reads in words: every action named in the language shown, records by their name", async () => {
    // A facility of this test's own, so that the log has a facility's events to name.
    const session = await demoSession("admin");
    await apiRequest(session, "POST", "/api/v1/facilities", {
      code: `E2E-AUDIT-${RUN}`.toUpperCase(),
      kindCode: "HC",
      nameKm: "មណ្ឌលសុខភាពសវនកម្ម",
      nameEn: "Audit Test Health Centre",
      communeCode: "150101",
      villageCode: "15010101",
    });
    const code = `E2E-AUDIT-${RUN}`.toUpperCase();
    for (const [language, viewport, listLabel, signedIn, facilityName] of [
      ["en", DESKTOP, "Audit events", "Signed in", "Audit Test Health Centre"],
      ["km", PHONE, "ព្រឹត្តិការណ៍សវនកម្ម", "បានចូលប្រើ", "មណ្ឌលសុខភាពសវនកម្ម"],
    ] as const) {
      const page = await signedInPage(browser, "admin", viewport, language);
      await setLanguage(page, language);
      await page.goto("/admin/audit");
      const events = page.getByLabel(listLabel, { exact: true });
      await events.getByText(signedIn, { exact: true }).first().waitFor();
      // No action shows as its code ("scorecard.participants_added"): each has words in both languages.
      const shown = await shownText(events);
      expect(AUDIT_ACTIONS.filter((action) => shown.includes(action))).toEqual([]);
      // The facility's events name it, with its code, not by an id.
      await page.goto(`/admin/audit?entityType=facility`);
      await events.getByText(`${facilityName} (${code})`).first().waitFor();
      await shot(page, `admin-audit-named-${language}-${language === "en" ? "desktop" : "phone"}`);
      await page.context().close();
    }
  });

  it("shows the audit log and an event's details without overflowing the screen", async () => {
    const page = await signedInPage(browser, "admin", PHONE, "km");
    await setLanguage(page, "km");
    await page.goto("/admin/audit?entityType=user");
    await page.getByRole("heading", { level: 1, name: "កំណត់ហេតុសវនកម្ម" }).waitFor();
    // A user's creation: it has changed fields to show.
    const open = page.getByRole("button", { name: /^មើលលម្អិត៖ បានបង្កើតអ្នកប្រើប្រាស់/ }).first();
    await open.waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await khmerFontLoaded(page)).toBe(true);
    await shot(page, "admin-audit-km-phone");
    await open.click();
    const dialog = page.getByRole("dialog");
    await settled(dialog);
    await dialog.getByRole("table", { name: "ចន្លោះដែលបានផ្លាស់ប្តូរ" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "admin-audit-details-km-phone", { fullPage: false });
    await page.context().close();
  });
});

describe("someone who is not an administrator", () => {
  it("is told they cannot open the administration pages", async () => {
    const page = await signedInPage(browser, "provincial", DESKTOP, "km");
    await setLanguage(page, "km");
    for (const path of ["/admin/users", "/admin/users/new", "/admin/roles"]) {
      await page.goto(path);
      await page.getByText("អ្នកមិនអាចបើកទំព័រនេះបានទេ").waitFor();
      expect(await page.getByRole("table").count()).toBe(0);
      expect(await page.locator("form").count()).toBe(0);
    }
    await shot(page, "admin-not-allowed-km-desktop");
    // The main menu does not offer the administration pages either.
    expect(await page.getByRole("navigation").getByRole("link", { name: "អ្នកប្រើប្រាស់" }).count()).toBe(0);
    await page.context().close();
  });
});
