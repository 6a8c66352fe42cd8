import type { Dashboard } from "../../../contracts/dashboards";
import { csvDocument } from "../../platform/csv";
import { type Locale, type MessageCode, message } from "../../platform/messages";
import type { ExportKind } from "../exports/exports.service";
import { dashboard } from "./dashboards.service";

/**
 * The dashboard as a spreadsheet (one sheet per table) or as one CSV in long form (section, code,
 * name, figure, value: easy to filter and pivot), in the caller's language.
 */
type Cell = string | number | null;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}
/** A figure of the long form: section, code, name, figure, value. */
type Fact = [string, string, string, string, Cell];

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function exportFileName(dashboard: Dashboard, extension: string): string {
  return `${exportBaseName(dashboard)}.${extension}`;
}

function exportBaseName(dashboard: Dashboard): string {
  const { scope } = dashboard;
  const where = scope.facility ? scope.facility.code : scope.place || "KH";
  const sector = scope.sector ? `-${scope.sector}` : "";
  const years =
    scope.yearFrom !== null || scope.yearTo !== null ? `-${scope.yearFrom ?? ""}_${scope.yearTo ?? ""}` : "";
  const safe = `${where}${sector}${years}`.replace(/[^A-Za-z0-9_.-]/g, "_");
  return `samleng-isaf-dashboard-${safe}-${scope.asOf}`;
}

function tables(dashboard: Dashboard, locale: Locale) {
  const t = (code: MessageCode, params = {}) => message(code, locale, params);
  const name = (named: { nameKm: string; nameEn: string }) => (locale === "km" ? named.nameKm : named.nameEn);
  const { scope } = dashboard;
  const scopeName = scope.facility
    ? name(scope.facility)
    : scope.path.length
      ? scope.path.map(name).join(" › ")
      : t("dash_scope_national");
  const women = dashboard.participants.bySexAndAge
    .filter((row) => row.sex === "female")
    .reduce((sum, row) => sum + row.count, 0);
  const summary: [string, Cell][] = [
    [t("dash_scope"), scopeName],
    [t("dash_sector"), scope.sector ? t(`dash_sector_${scope.sector}`) : t("dash_sector_all")],
    [
      t("dash_years"),
      scope.yearFrom === null && scope.yearTo === null
        ? t("dash_years_all")
        : `${scope.yearFrom ?? ""}–${scope.yearTo ?? ""}`,
    ],
    [t("dash_as_of"), scope.asOf],
    [t("dash_cycles"), dashboard.cycles.total],
    [t("dash_cycles_done"), dashboard.cycles.done],
    [t("dash_cycles_late"), dashboard.cycles.late],
    [t("dash_scorecards_community"), dashboard.scorecards.community],
    [t("dash_scorecards_self"), dashboard.scorecards.self],
    [t("dash_participants"), dashboard.participants.total],
    [t("dash_women"), women],
    ...dashboard.participants.profiles.map((row): [string, Cell] => [
      t(`dash_profile_${row.profile}`),
      row.female + row.male,
    ]),
    [t("dash_actions"), dashboard.jaap.total],
    ...dashboard.jaap.byStatus.map((row): [string, Cell] => [t(`dash_status_${row.status}`), row.count]),
    [t("dash_completion"), round(dashboard.jaap.completionRate, 4)],
    [t("dash_overdue"), dashboard.jaap.overdue],
    [t("dash_committees_compliant"), dashboard.committees.compliant],
    [t("dash_committees_override"), dashboard.committees.override],
    [t("dash_committees_not_formed"), dashboard.committees.notFormed],
  ];
  const areaColumns: [MessageCode, (area: Dashboard["areas"][number]) => Cell][] = [
    ["dash_cycles", (a) => a.cycles],
    ["dash_cycles_done", (a) => a.done],
    ["dash_cycles_late", (a) => a.late],
    ["dash_participants", (a) => a.participants],
    ["dash_women", (a) => a.women],
    ["dash_mean_score", (a) => round(a.communityMean)],
    ["dash_actions", (a) => a.actions],
    ["dash_actions_done", (a) => a.actionsDone],
    ["dash_completion", (a) => round(a.completionRate, 4)],
    ["dash_overdue", (a) => a.overdue],
    ["dash_committees_formed", (a) => a.committeesFormed],
    ["dash_committees_compliant", (a) => a.committeesCompliant],
  ];
  const raised = new Map(dashboard.raised.map((row) => [row.indicator.id, row.count]));
  const prioritised = new Map(dashboard.prioritised.map((row) => [row.indicator.id, row.count]));
  const indicatorColumns: [string, (row: Dashboard["indicators"][number]) => Cell][] = [
    [t("dash_community_n"), (r) => r.community.n],
    [t("dash_community_median"), (r) => r.community.median],
    [t("dash_community_mean"), (r) => round(r.community.mean)],
    ...[1, 2, 3, 4, 5].map((score): [string, (row: Dashboard["indicators"][number]) => Cell] => [
      t("dash_score_count", { score }),
      (r) => r.community.distribution[score - 1] ?? 0,
    ]),
    [t("dash_self_n"), (r) => r.self.n],
    [t("dash_self_median"), (r) => r.self.median],
    [t("dash_gap"), (r) => r.gap],
    [t("dash_raised"), (r) => raised.get(r.indicator.id) ?? 0],
    [t("dash_prioritised"), (r) => prioritised.get(r.indicator.id) ?? 0],
  ];
  const yearColumns: [MessageCode, (row: Dashboard["years"][number]) => Cell][] = [
    ["dash_cycles", (y) => y.cycles],
    ["dash_cycles_done", (y) => y.done],
    ["dash_participants", (y) => y.participants],
    ["dash_actions", (y) => y.actions],
    ["dash_actions_done", (y) => y.actionsDone],
    ["dash_mean_score", (y) => round(y.communityMean)],
  ];
  const sexName = (sex: "female" | "male") => t(sex === "female" ? "dash_female" : "dash_male");
  const sheets: Sheet[] = [
    { name: t("dash_sheet_summary"), header: [t("dash_col_figure"), t("dash_col_value")], rows: summary },
    {
      name: t("dash_sheet_areas"),
      header: [t("dash_col_code"), t("dash_col_name"), ...areaColumns.map(([code]) => t(code))],
      rows: dashboard.areas.map((area) => [
        area.code,
        name(area),
        ...areaColumns.map(([, get]) => get(area)),
      ]),
    },
    {
      name: t("dash_sheet_indicators"),
      header: [t("dash_col_code"), t("dash_col_name"), ...indicatorColumns.map(([label]) => label)],
      rows: dashboard.indicators.map((row) => [
        row.indicator.code,
        name(row.indicator),
        ...indicatorColumns.map(([, get]) => get(row)),
      ]),
    },
    {
      name: t("dash_sheet_participants"),
      header: [t("dash_col_sex"), t("dash_col_age_band"), t("dash_col_value")],
      rows: dashboard.participants.bySexAndAge.map((row) => [
        sexName(row.sex),
        t(`dash_age_${row.ageBand}`),
        row.count,
      ]),
    },
    {
      name: t("dash_sheet_years"),
      header: [t("dash_col_year"), ...yearColumns.map(([code]) => t(code))],
      rows: dashboard.years.map((row) => [row.year, ...yearColumns.map(([, get]) => get(row))]),
    },
  ];
  const facts: Fact[] = [
    ...summary.map(([label, value]): Fact => [t("dash_sheet_summary"), "", "", label, value]),
    ...dashboard.areas.flatMap((area) =>
      areaColumns.map(
        ([code, get]): Fact => [t("dash_sheet_areas"), area.code, name(area), t(code), get(area)],
      ),
    ),
    ...dashboard.indicators.flatMap((row) =>
      indicatorColumns.map(
        ([label, get]): Fact => [
          t("dash_sheet_indicators"),
          row.indicator.code,
          name(row.indicator),
          label,
          get(row),
        ],
      ),
    ),
    ...dashboard.participants.bySexAndAge.map(
      (row): Fact => [
        t("dash_sheet_participants"),
        "",
        "",
        `${sexName(row.sex)} ${t(`dash_age_${row.ageBand}`)}`,
        row.count,
      ],
    ),
    ...dashboard.years.flatMap((row) =>
      yearColumns.map(
        ([code, get]): Fact => [t("dash_sheet_years"), String(row.year), "", t(code), get(row)],
      ),
    ),
  ];
  const factHeader = [
    "dash_col_section",
    "dash_col_code",
    "dash_col_name",
    "dash_col_figure",
    "dash_col_value",
  ].map((code) => t(code as MessageCode));
  return { sheets, facts, factHeader };
}

/** UTF-8 with a byte-order mark, so that Excel reads the Khmer right. */
export function toCsv(dashboard: Dashboard, locale: Locale): Buffer {
  const { facts, factHeader } = tables(dashboard, locale);
  return csvDocument([factHeader, ...facts]);
}

export async function toXlsx(dashboard: Dashboard, locale: Locale): Promise<Buffer> {
  // Loaded on first use: exceljs takes a quarter of a second to import, which every start would pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Samleng";
  for (const sheet of tables(dashboard, locale).sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    worksheet.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 28 : index === 1 && sheet.rows[0]?.length !== 2 ? 36 : 16;
    });
    worksheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The dashboard as a background export (modules/exports): the same tables, in CSV (long form),
 * XLSX (a sheet each) or PDF (a section each), in the requester's language.
 */
export const dashboardsIsafExport: ExportKind<"dashboards.isaf"> = {
  kind: "dashboards.isaf",
  // The scope is checked as the dashboard's: a place or facility out of reach reads as not found.
  async authorize(ctx, params) {
    await dashboard(ctx, params);
  },
  async content(ctx, params, format) {
    const figures = await dashboard(ctx, params);
    const { sheets, facts, factHeader } = tables(figures, ctx.locale);
    const [scope] = sheets[0]!.rows;
    const wanted = format === "csv" ? [{ name: sheets[0]!.name, header: factHeader, rows: facts }] : sheets;
    return {
      baseName: exportBaseName(figures),
      title: `${scope![0]}: ${scope![1]}`,
      total: wanted.reduce((sum, table) => sum + table.rows.length, 0),
      tables: wanted,
    };
  },
};
