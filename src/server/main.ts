import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { uuidv7 } from "uuidv7";
import { isPlaceCode } from "../domain/places";
import { isRole, ROLES } from "../domain/roles";
import { buildApp } from "./app";
import { type Database, openDatabase } from "./db/database";
import { DEMO_PASSWORD, demoLogins } from "./db/demo-data";
import { prepareDatabase } from "./db/prepare";
import { countRows } from "./db/reference-data";
import { commitImport, validateImport } from "./modules/facilities/facilities.import";
import { importGazetteer } from "./modules/places/places.import";
import * as users from "./modules/users/users.repo";
import { loadConfig } from "./platform/config";
import { AppError } from "./platform/errors";
import { message } from "./platform/messages";
import { assertPasswordAcceptable, hashPassword } from "./platform/passwords";

const HELP = `Samleng command line

  serve                 migrate, load the gazetteer and demo data when empty, and serve on $PORT (default 3000)
  migrate               apply database migrations
  seed                  migrate, load the gazetteer, reference lists and (unless SAMLENG_DEMO_DATA=off) demo data
  import-gazetteer      reload seed/gazetteer (new codes added, names updated, missing codes retired)
  import-facilities FILE --as USERNAME [--only-valid]
                        import a CSV or XLSX of facilities as that user; prints the row report
  create-user --username U --name "Full Name" --roles admin,viewer (--national | --area 15,1501)
                        create a user; the password is read from $SAMLENG_NEW_PASSWORD
  help                  this text

Environment: PORT, HOST, DATABASE_URL (PostgreSQL; embedded PGlite when unset), SAMLENG_DATA_DIR (default ./data),
SAMLENG_DEMO_DATA (on|off, default on), SAMLENG_SECURE_COOKIES (on behind HTTPS), LOG_LEVEL.`;

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
  const report = await prepareDatabase(database, { demoData: config.demoData });
  const app = await buildApp({
    database,
    secureCookies: config.secureCookies,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    serveWeb: true,
  });
  const close = async () => {
    await app.close();
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
  if (config.demoData && (await users.findByUsername(database.db, "admin"))?.isDemo) {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins()) console.log(`  ${login.username.padEnd(13)} ${login.role}`);
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
    const user = await users.findByUsername(database.db, values.as!);
    const actor = user && (await users.loadActor(database.db, user.id));
    if (!actor) throw new Error(`no active user "${values.as}"`);
    const ctx = { db: database.db, actor, ip: null, locale: "en" as const };
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
        const report = await prepareDatabase(database, { demoData: loadConfig().demoData });
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
