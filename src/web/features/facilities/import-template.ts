import { IMPORT_COLUMNS } from "../../../contracts/facilities";

/** One filled-in row that passes the server's checks (a Pursat commune and village), as a pattern to copy. */
const EXAMPLE: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  code: "HC-150101-01",
  kind: "HC",
  name_km: "មណ្ឌលសុខភាពបឹងបត់កណ្ដាល",
  name_en: "Boeng Bat Kandaol Health Centre",
  commune_code: "150101",
  village_code: "15010101",
  lat: "12.5388",
  lng: "103.9192",
  contact_name: "Sok Dara",
  phone: "012 345 678",
  email: "",
  address: "National Road 5",
  services: "health;nutrition;birth_registration",
  catchment: "150101;150102",
};

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The import template: the header row and one example row, UTF-8 with a byte-order mark so that
 * Excel opens the Khmer text correctly.
 */
export function importTemplate(): Blob {
  const lines = [
    IMPORT_COLUMNS.join(","),
    IMPORT_COLUMNS.map((column) => csvCell(EXAMPLE[column])).join(","),
  ];
  return new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
}
