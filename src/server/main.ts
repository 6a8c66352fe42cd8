import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { uuidv7 } from "uuidv7";
import { isPlaceCode } from "../domain/places";
import { isRole, ROLES } from "../domain/roles";
import { buildApp } from "./app";
import { type Database, openDatabase } from "./db/database";
import { jobDefinitions } from "./jobs";
import { commitImport, validateImport } from "./modules/facilities/facilities.import";
import * as limits from "./modules/feedback/feedback.limits";
import { importGazetteer } from "./modules/places/places.import";
import * as channels from "./modules/sms/sms.channels";
import * as accounts from "./modules/users/accounts.service";
import * as users from "./modules/users/users.repo";
import { systemClock } from "./platform/clock";
import { loadConfig } from "./platform/config";
import { checkContactKey, contactCipher, loadContactKey, noCipher } from "./platform/contact-cipher";
import type { Ctx } from "./platform/context";
import { AppError } from "./platform/errors";
import { noJobs, startJobs } from "./platform/jobs";
import { message } from "./platform/messages";
import { assertPasswordAcceptable, hashPassword } from "./platform/passwords";
import { loggable } from "./platform/problem";
import { DEMO_PASSWORD, demoLogins } from "./seeding/demo-data";
import { DEMO_SMS_CHANNEL, DEMO_SMS_SECRET } from "./seeding/demo-feedback";
import { prepareDatabase } from "./seeding/prepare";
import { countRows } from "./seeding/reference-data";

const HELP = `Samleng command line

  serve                 migrate, load the gazetteer and demo data when empty, and serve on $PORT (default 3000)
  migrate               apply database migrations
  seed                  migrate, load the gazetteer, reference lists and (unless SAMLENG_DEMO_DATA=off) demo data
  import-gazetteer      reload seed/gazetteer (new codes added, names updated, missing codes retired)
  import-facilities FILE --as USERNAME [--only-valid]
                        import a CSV or XLSX of facilities as that user; prints the row report
  create-user --username U --name "Full Name" --roles admin,viewer (--national | --area 15,1501)
                        create a user; the password is read from $SAMLENG_NEW_PASSWORD
  sms-channel add --id ID --name NAME --sender SHORTCODE [--send-url URL] [--send-method GET|POST]
              [--content-type json|form] [--send-body TEMPLATE] [--default]
                        add an SMS gateway channel; prints its webhook secret once. The gateway's
                        Authorization header, if any, is read from $SAMLENG_SMS_GATEWAY_AUTH
  sms-channel rotate-secret --id ID | enable --id ID | disable --id ID | list
  feedback-limits list | set --scope default|PS|HC|CA|child_protection --acknowledge N --answer N --escalation N
                        working days to take, to answer, and for each level after an escalation
  help                  this text

Environment: PORT, HOST, DATABASE_URL (PostgreSQL; embedded PGlite when unset), SAMLENG_DATA_DIR (default ./data),
SAMLENG_DEMO_DATA (on|off, default on), SAMLENG_SECURE_COOKIES (on behind HTTPS), LOG_LEVEL,
SAMLENG_CONTACT_KEY (32 bytes in base64 that seal phone numbers; default: a key file made in the data folder).`;

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function serve() {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase(config);
  // Processes started at once (docs/mechanisms/multi-process.md) prepare the database one at a time.
  const report = await database.exclusive(() => prepareDatabase(database, { demoData: config.demoData }));
  const cipher = contactCipher(loadContactKey(process.env, config.dataDir));
  await checkContactKey(database.db, cipher);
  // pg-boss creates its queues with DDL, which deadlocks when two processes starting at once do it
  // together (the two-process test saw it): one process at a time, as for the database above.
  const jobs = await database.exclusive(() =>
    startJobs(database, jobDefinitions(database, cipher), (text, error) => {
      const shown = loggable(error);
      console.error(text, shown instanceof Error ? shown.message : (shown ?? ""));
    }),
  );
  const app = await buildApp({
    database,
    contactCipher: cipher,
    jobs,
    secureCookies: config.secureCookies,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    serveWeb: true,
  });
  const close = async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl
    ? "PostgreSQL"
    : `embedded PGlite in ${path.join(config.dataDir, "pglite")}`;
  console.log(
    `\nSamleng is running at http://localhost:${config.port}  (database: ${where}, ready in ${Date.now() - started} ms)`,
  );
  if (report.gazetteer) console.log(`Loaded the gazetteer: ${JSON.stringify(report.gazetteer)}`);
  if (report.demo)
    console.log(`Loaded demo data: ${report.demo.facilities} facilities, ${report.demo.users.length} users.`);
  if (config.demoData && (await accounts.findAccount(database.db, "admin"))?.isDemo) {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins()) console.log(`  ${login.username.padEnd(13)} ${login.role}`);
    if (await channels.channelExists(database.db, DEMO_SMS_CHANNEL))
      console.log(
        `SMS webhook of the demo channel: POST http://localhost:${config.port}/api/sms/v1/channels/${DEMO_SMS_CHANNEL}/receive` +
          ` with "Authorization: Bearer ${DEMO_SMS_SECRET}" and from, text (docs/sms.md).`,
      );
    console.log(
      "Demo data is for trying Samleng. Start with SAMLENG_DEMO_DATA=off on an empty database for production.\n",
    );
  }
}

async function importFacilities(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: "string" }, "only-valid": { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file || !values.as) throw new Error("usage: import-facilities FILE --as USERNAME [--only-valid]");
  await withDatabase(async (database) => {
    const user = await accounts.findAccount(database.db, values.as!);
    const actor = user && (await accounts.loadActor(database.db, user.id));
    if (!actor) throw new Error(`no active user "${values.as}"`);
    // A command line reads no phone number and queues no job: neither is at hand here.
    const ctx: Ctx = {
      db: database.db,
      clock: systemClock,
      cipher: noCipher,
      jobs: noJobs,
      actor,
      ip: null,
      locale: "en",
    };
    const report = await validateImport(ctx, path.basename(file), await readFile(file));
    for (const row of report.rows.filter((r) => r.problems.length)) {
      console.log(
        `row ${row.row} (${row.code || "no code"}): ${row.problems.map((p) => `${p.column}: ${p.message}`).join("; ")}`,
      );
    }
    console.log(`${report.totalRows} rows, ${report.validRows} valid, ${report.invalidRows} with problems.`);
    const done = await commitImport(ctx, report.id, values["only-valid"] ?? false);
    console.log(`Imported ${done.importedRows} facilities.`);
  });
}

async function createUser(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      roles: { type: "string" },
      area: { type: "string" },
      national: { type: "boolean" },
    },
  });
  const password = process.env.SAMLENG_NEW_PASSWORD ?? "";
  const roles = (values.roles ?? "").split(",").filter(Boolean);
  const area = (values.area ?? "").split(",").filter(Boolean);
  if (!values.username || !values.name || roles.length === 0 || (!values.national && area.length === 0)) {
    throw new Error(
      'usage: create-user --username U --name "Full Name" --roles r1,r2 (--national | --area 15,1501)',
    );
  }
  const badRole = roles.find((role) => !isRole(role));
  if (badRole) throw new Error(`unknown role "${badRole}"; roles: ${ROLES.join(", ")}`);
  const badCode = area.find((code) => !isPlaceCode(code));
  if (badCode) throw new Error(`"${badCode}" is not a place code`);
  assertPasswordAcceptable(password, values.username);
  await withDatabase(async (database) => {
    await database.migrate();
    if (await users.usernameTaken(database.db, values.username!))
      throw new Error(`user name "${values.username}" is taken`);
    await database.db.transaction(async (tx) => {
      await users.insert(
        tx,
        {
          id: uuidv7(),
          username: values.username!,
          displayName: values.name!,
          email: null,
          passwordHash: await hashPassword(password),
          organisationId: null,
          locale: "km",
          nationalArea: values.national ?? false,
        },
        roles.filter(isRole),
        values.national ? [] : area,
      );
    });
    console.log(`Created user ${values.username}.`);
  });
}

async function smsChannel(args: string[]) {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: "string" },
      name: { type: "string" },
      sender: { type: "string" },
      "send-url": { type: "string" },
      "send-method": { type: "string" },
      "content-type": { type: "string" },
      "send-body": { type: "string" },
      default: { type: "boolean" },
    },
  });
  await withDatabase(async (database) => {
    await database.migrate();
    const db = database.db;
    const cipher = contactCipher(loadContactKey(process.env, loadConfig().dataDir));
    await checkContactKey(db, cipher);
    if (action === "list") return console.table(await channels.describeChannels(db));
    if (!values.id) throw new Error("--id is required");
    if (action === "add") {
      const method = (values["send-method"] ?? "POST").toUpperCase();
      if (method !== "GET" && method !== "POST") throw new Error("--send-method is GET or POST");
      const { secret } = await channels.addChannel(db, cipher, {
        id: values.id,
        name: values.name ?? "",
        sender: values.sender ?? "",
        sendUrl: values["send-url"] ?? null,
        sendMethod: method,
        sendContentType:
          values["content-type"] === "form" ? "application/x-www-form-urlencoded" : "application/json",
        sendBody: values["send-body"] ?? null,
        sendAuthorization: process.env.SAMLENG_SMS_GATEWAY_AUTH || null,
        isDefault: values.default ?? false,
      });
      console.log(`Added channel ${values.id}. Its webhook secret (shown once): ${secret}`);
    } else if (action === "rotate-secret") {
      const { secret } = await channels.rotateSecret(db, values.id, new Date());
      console.log(`New webhook secret for ${values.id} (shown once): ${secret}`);
    } else if (action === "enable" || action === "disable") {
      await channels.setActive(db, values.id, action === "enable", new Date());
      console.log(`Channel ${values.id} ${action}d.`);
    } else throw new Error("sms-channel add | rotate-secret | enable | disable | list");
  });
}

async function feedbackLimits(args: string[]) {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      scope: { type: "string" },
      acknowledge: { type: "string" },
      answer: { type: "string" },
      escalation: { type: "string" },
    },
  });
  await withDatabase(async (database) => {
    await database.migrate();
    if (action === "set") {
      if (!values.scope) throw new Error("--scope is required");
      await limits.setLimits(
        database.db,
        values.scope,
        {
          acknowledgeDays: Number(values.acknowledge),
          answerDays: Number(values.answer),
          escalationDays: Number(values.escalation),
        },
        new Date(),
      );
    } else if (action !== "list") throw new Error("feedback-limits list | set …");
    console.table(await limits.currentLimits(database.db));
  });
}

async function main(argv: string[]) {
  const [command = "help", ...args] = argv;
  switch (command) {
    case "serve":
      return serve();
    case "migrate":
      return withDatabase(async (database) => {
        await database.migrate();
        console.log("Migrations applied.");
      });
    case "seed":
      return withDatabase(async (database) => {
        const report = await database.exclusive(() =>
          prepareDatabase(database, { demoData: loadConfig().demoData }),
        );
        console.log(JSON.stringify(report, null, 2), `users: ${await countRows(database.db, "users")}`);
      });
    case "import-gazetteer":
      return withDatabase(async (database) => {
        await database.migrate();
        console.log(await importGazetteer(database.db));
      });
    case "import-facilities":
      return importFacilities(args);
    case "create-user":
      return createUser(args);
    case "sms-channel":
      return smsChannel(args);
    case "feedback-limits":
      return feedbackLimits(args);
    default:
      console.log(HELP);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.fieldErrors.map((f) => `${f.path}: ${message(f.code, "en", f.params)}`).join("; ");
    console.error(`${message(error.code, "en", error.params)}${fields ? ` ${fields}` : ""}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
