import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv";

describe("csv", () => {
  it("quotes what needs quoting and keeps Khmer as it is", () => {
    expect(csvCell("បង្គន់, ទឹក")).toBe('"បង្គន់, ទឹក"');
    expect(csvCell('She said "no"')).toBe('"She said ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(-3)).toBe("-3");
  });

  it("keeps a citizen's words from running as a spreadsheet formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+855 12")).toBe("'+855 12");
    expect(csvCell("-ok")).toBe("'-ok");
  });

  it("writes a byte-order mark and CRLF line ends", () => {
    const text = csvDocument([
      ["a", "b"],
      [1, "ខ"],
    ]).toString("utf8");
    expect(text).toBe("\uFEFFa,b\r\n1,ខ\r\n");
  });
});
