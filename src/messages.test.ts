import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "./contracts/audit-actions";
import { AppError } from "./server/platform/errors";
import { LOCALES, MESSAGES, type MessageCode, message } from "./server/platform/messages";

/**
 * The check of every translation, server and web (docs/mechanisms/messages.md): each key is in Khmer
 * and in English, none is empty, both languages use the same {{placeholders}}, every server catalogue
 * is registered, and every error code the server can throw has a message. It sits above src/server
 * and src/web because it checks both; it reads the web's files from disk and imports none of them.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The source files under a folder (repository paths), tests left out. */
function sources(folder: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(folder, entry).split(path.sep).join("/"))
    .filter((file) => pattern.test(file) && !file.endsWith(".test.ts"));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The placeholder names in a text, each once, sorted; `{{count, number}}` counts as `count`. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]))].sort();
}

/** What is wrong with one key's two texts, or nothing. */
function problemsOf(key: string, texts: Partial<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const text = texts[locale];
    if (typeof text !== "string") problems.push(`${key}: no ${locale} text`);
    else if (!text.trim()) problems.push(`${key}: empty ${locale} text`);
    // A single-brace placeholder is the old server style: i18next would print it as it is.
    else if (/(^|[^{])\{\w+\}(?!\})/.test(text)) problems.push(`${key}: {name} in ${locale}, write {{name}}`);
  }
  const [km, en] = [String(texts.km ?? ""), String(texts.en ?? "")];
  if (placeholders(km).join() !== placeholders(en).join())
    problems.push(`${key}: placeholders differ, km {${placeholders(km)}} en {${placeholders(en)}}`);
  return problems;
}

type Pairs = Record<string, Partial<Record<string, unknown>>>;

describe("server messages", () => {
  const files = sources("src/server", /\.messages\.ts$/);

  it("finds the catalogues", () => {
    expect(files).toContain("src/server/platform/platform.messages.ts");
    expect(files).toContain("src/server/modules/sms/sms.messages.ts");
  });

  it("has every key in Khmer and English, not empty, with the same placeholders", async () => {
    const problems: string[] = [];
    for (const file of files) {
      const exports: Record<string, Pairs> = await import(path.join(ROOT, file));
      for (const [name, table] of Object.entries(exports))
        for (const [key, texts] of Object.entries(table))
          problems.push(...problemsOf(`${file} ${name}.${key}`, texts));
    }
    expect(problems).toEqual([]);
  });

  it("registers each catalogue in platform/messages.ts, and no code twice", async () => {
    const problems: string[] = [];
    let total = 0;
    for (const file of files) {
      const exports: Record<string, Pairs> = await import(path.join(ROOT, file));
      for (const [name, table] of Object.entries(exports)) {
        if (!name.endsWith("_MESSAGES")) continue; // word lists such as LEVEL_NAMES are params, not codes
        total += Object.keys(table).length;
        // The same object, not only the same key: a later catalogue with the same code would hide it.
        for (const [code, texts] of Object.entries(table))
          if ((MESSAGES as Pairs)[code] !== texts)
            problems.push(`${file}: ${code} is not the registered text`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(MESSAGES).length).toBe(total);
  });

  it("renders every code in both languages through i18next, every placeholder filled", () => {
    for (const code of Object.keys(MESSAGES) as MessageCode[])
      for (const locale of LOCALES) {
        const params = Object.fromEntries(
          placeholders(MESSAGES[code][locale]).map((name) => [name, `<${name}>`]),
        );
        const text = message(code, locale, params);
        expect(text, `${code} ${locale}`).not.toMatch(/\{\{|\}\}/);
        expect(text, `${code} ${locale}`).not.toBe(code);
      }
  });

  it("has a message for every error code the server throws", () => {
    // The compiler is the first guard (AppError takes a MessageCode); this one catches casts.
    const thrown = [
      /\b(?:badRequest|conflict)\(\s*"(\w+)"/g,
      /\bnew AppError\(\s*\d+,\s*"(\w+)"/g,
      /\[\s*\d{3},\s*"(\w+)"\s*\]/g, // problem.ts's table of Fastify's codes
      /\bpath\b[^;]{0,120}?\bcode: "(\w+)"/g, // a FieldError: { path, code }
    ];
    const found = new Set<string>();
    const missing: string[] = [];
    // What the server throws: its code, not its tests (whose fixtures hold codes of places).
    const serverFiles = sources("src/server", /\.ts$/).filter((file) => !/\.test\.ts$|\/test\//.test(file));
    for (const file of serverFiles)
      for (const pattern of thrown)
        for (const [, code] of read(file).matchAll(pattern)) {
          found.add(code);
          if (!Object.hasOwn(MESSAGES, code)) missing.push(`${file}: ${code}`);
        }
    expect(missing).toEqual([]);
    expect(found.size, "the patterns still find the codes thrown").toBeGreaterThan(100);
  });

  it("has a message for every code a contract's refinement names", () => {
    // These two name a rule instead of a message: platform/validation.ts maps place_code to
    // unknown_place and leaves commune_code as field_invalid.
    const rules = new Set(["place_code", "commune_code"]);
    const missing: string[] = [];
    for (const file of sources("src/contracts", /\.ts$/))
      for (const [, code] of read(file).matchAll(/\bmessage: "(\w+)"/g))
        if (!rules.has(code) && !Object.hasOwn(MESSAGES, code)) missing.push(`${file}: ${code}`);
    expect(missing).toEqual([]);
  });

  it("refuses an unknown code at compile time", () => {
    // @ts-expect-error: a code with no message does not type-check (npx tsc fails if this compiles).
    expect(new AppError(400, "no_such_message").code).toBe("no_such_message");
  });
});

describe("web messages", () => {
  const LOCALE_DIR = "src/web/i18n/locales";
  const namespaces = (locale: string) => readdirSync(path.join(ROOT, LOCALE_DIR, locale)).sort();
  const load = (locale: string, file: string) =>
    JSON.parse(read(`${LOCALE_DIR}/${locale}/${file}`)) as object;

  /** Nested keys as dotted paths, each with its text. */
  function flatten(tree: object, prefix = ""): [string, unknown][] {
    return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
      value !== null && typeof value === "object"
        ? flatten(value, `${prefix}${key}.`)
        : [[`${prefix}${key}`, value]],
    );
  }

  /** i18next's plural keys (`count_one`, `count_other`) grouped under their base key, as each language needs. */
  function byBaseKey(locale: string, file: string): Map<string, { forms: string[]; texts: string[] }> {
    const groups = new Map<string, { forms: string[]; texts: string[] }>();
    for (const [key, text] of flatten(load(locale, file))) {
      const [, base, form] = /^(.*?)(?:_(zero|one|two|few|many|other))?$/.exec(key) ?? [];
      const group = groups.get(base) ?? { forms: [], texts: [] };
      group.forms.push(form ?? "");
      group.texts.push(typeof text === "string" ? text : "");
      groups.set(base, group);
    }
    return groups;
  }

  it("has the same namespaces in both languages, each one loaded by i18n/index.ts", () => {
    expect(namespaces("km")).toEqual(namespaces("en"));
    const index = read("src/web/i18n/index.ts");
    for (const locale of LOCALES)
      for (const file of namespaces(locale)) expect(index).toContain(`"./locales/${locale}/${file}"`);
  });

  it("names every audit action and kind of record the server writes, in both languages", () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      const texts = new Map(flatten(load(locale, "admin.json")));
      for (const action of AUDIT_ACTIONS)
        if (typeof texts.get(`actions.${action}`) !== "string") missing.push(`${locale} actions.${action}`);
      for (const type of AUDIT_ENTITY_TYPES)
        if (typeof texts.get(`entities.${type}`) !== "string") missing.push(`${locale} entities.${type}`);
    }
    expect(missing).toEqual([]);
  });

  it("has every key in Khmer and English, not empty, with the same placeholders", () => {
    const problems: string[] = [];
    for (const file of namespaces("en")) {
      const km = byBaseKey("km", file);
      const en = byBaseKey("en", file);
      for (const key of new Set([...km.keys(), ...en.keys()])) {
        const name = `${file} ${key}`;
        const texts = { km: km.get(key)?.texts, en: en.get(key)?.texts };
        for (const locale of LOCALES) {
          const forms = { km, en }[locale].get(key)?.forms;
          if (!forms) continue;
          // A plural needs the forms of the language's own rules: Khmer "other", English "one" and "other".
          const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
          const isPlural = forms.some(Boolean);
          if (isPlural && needed.some((form) => !forms.includes(form)))
            problems.push(`${name}: ${locale} plural forms ${forms}, needs ${needed}`);
        }
        // All forms of a key together: "1 facility" may leave {{count}} out where "{{count}} facilities" has it.
        const joined = (list?: string[]) => (list ? list.join("\n") : undefined);
        const empty = [texts.km, texts.en].some((list) => list?.some((text) => !text.trim()));
        problems.push(...problemsOf(name, { km: joined(texts.km), en: joined(texts.en) }));
        if (empty) problems.push(`${name}: an empty form`);
      }
    }
    expect(problems).toEqual([]);
  });
});
