import { eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, facilities } from "../../db/schema";
import { type Caller, createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;
let admin: Caller;
let provincial: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as({ roles: ["admin"], national: true });
  provincial = await t.as({ roles: ["provincial_officer"], area: ["15"] });
});
afterAll(() => t.close());

/** A multipart/form-data body with one file, built by hand. */
function multipart(fileName: string, content: Buffer | string) {
  const boundary = "----samleng-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(caller: Caller, fileName: string, content: Buffer | string) {
  const { body, headers } = multipart(fileName, content);
  return caller.request("POST", "/api/v1/facilities/imports", body, headers);
}

const HEADER =
  "code,kind,name_km,name_en,commune_code,village_code,lat,lng,contact_name,phone,email,address,services,catchment";
const good1 =
  "IMP-PS-1,PS,សាលាបឋមសិក្សាដូងជ្រុំ,Doung Chrum Primary School,150101,15010101,12.6,103.79,,,,,education,15010101";
const good2 =
  "IMP-HC-1,hc,មណ្ឌលសុខភាពបាកាន,Bakan Health Centre,150101,,,,Sok Dara,012 111 222,hc@example.org,,health;nutrition,";
const bad = "IMP-BAD-1,XX,,No Khmer Name,999999,,13,,,,not-an-email,,teleportation,";

describe("facility import", () => {
  it("checks a CSV row by row, writes nothing, and reports exactly what is wrong", async () => {
    const response = await upload(admin, "facilities.csv", [HEADER, good1, good2, bad].join("\n"));
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      status: "validated",
      totalRows: 3,
      validRows: 2,
      invalidRows: 1,
      importedRows: 0,
    });
    const badRow = report.rows.find((r: { row: number }) => r.row === 4);
    const columns = badRow.problems.map((p: { column: string }) => p.column);
    expect(columns).toEqual(expect.arrayContaining(["name_km", "email"]));
    expect(report.rows.filter((r: { action: string }) => r.action === "create")).toHaveLength(2);
    expect(await t.db.select().from(facilities).where(like(facilities.code, "IMP-%"))).toHaveLength(0);

    const refused = await admin.post(`/api/v1/facilities/imports/${report.id}/commit`, {
      onlyValidRows: false,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("import_has_errors");
    expect(await t.db.select().from(facilities).where(like(facilities.code, "IMP-%"))).toHaveLength(0);

    const committed = await admin.post(`/api/v1/facilities/imports/${report.id}/commit`, {
      onlyValidRows: true,
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ status: "committed", importedRows: 2 });
    const rows = await t.db.select().from(facilities).where(like(facilities.code, "IMP-%"));
    expect(rows.map((r) => r.code).sort()).toEqual(["IMP-HC-1", "IMP-PS-1"]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "facility.created"));
    expect(events.filter((e) => rows.some((r) => r.id === e.entityId))).toHaveLength(2);
    expect(
      (await admin.post(`/api/v1/facilities/imports/${report.id}/commit`, { onlyValidRows: true }))
        .statusCode,
    ).toBe(409);
  });

  it("finds a second check of the same codes to be updates, and a code twice in one file to be an error", async () => {
    const report = (
      await upload(
        admin,
        "again.csv",
        [HEADER, good1.replace("Doung Chrum Primary School", "Doung Chrum School")].join("\n"),
      )
    ).json();
    expect(report.rows[0].action).toBe("update");
    await admin.post(`/api/v1/facilities/imports/${report.id}/commit`, { onlyValidRows: false });
    const [row] = await t.db.select().from(facilities).where(eq(facilities.code, "IMP-PS-1"));
    expect(row.nameEn).toBe("Doung Chrum School");

    const twice = (await upload(admin, "twice.csv", [HEADER, good1, good1].join("\n"))).json();
    expect(twice.invalidRows).toBe(2);
    expect(twice.rows[0].problems[0].code).toBe("duplicate_in_file");
  });

  it("reads XLSX files", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Facilities");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([
      "XLSX-CA-1",
      "CA",
      "រដ្ឋបាលឃុំបឹងបត់កណ្ដាល",
      "Boeng Bat Kandaol Commune Office",
      "150101",
      "",
      12.61,
      103.8,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = (await upload(admin, "facilities.xlsx", buffer)).json();
    expect(report).toMatchObject({ totalRows: 1, validRows: 1 });
    expect((await admin.post(`/api/v1/facilities/imports/${report.id}/commit`, {})).json().importedRows).toBe(
      1,
    );
  });

  it("checks the officer's area row by row", async () => {
    const outside = "IMP-OUT-1,PS,សាលា,Outside School,020101,,,,,,,,,";
    const report = (await upload(provincial, "area.csv", [HEADER, outside].join("\n"))).json();
    expect(report.rows[0].problems[0]).toMatchObject({ column: "commune_code", code: "place_out_of_area" });
  });

  it("refuses files it cannot use with a clear 4xx", async () => {
    const noColumns = await upload(admin, "x.csv", "name,place\nA,B\n");
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json()).toMatchObject({ code: "import_missing_columns" });
    expect(noColumns.json().detail).toContain("code");
    expect((await upload(admin, "x.csv", `${HEADER}\n`)).json().code).toBe("import_empty");
    expect((await upload(admin, "x.pdf", "%PDF")).json().code).toBe("import_file_type");
    expect((await upload(admin, "broken.xlsx", "not a zip")).json().code).toBe("import_file_unreadable");
    expect((await admin.post("/api/v1/facilities/imports", {})).statusCode).toBe(400);
  });

  it("keeps an import to the user who uploaded it", async () => {
    const report = (
      await upload(admin, "mine.csv", [HEADER, good2.replace("IMP-HC-1", "IMP-HC-2")].join("\n"))
    ).json();
    expect((await provincial.get(`/api/v1/facilities/imports/${report.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/facilities/imports/${report.id}`)).statusCode).toBe(200);
  });
});
