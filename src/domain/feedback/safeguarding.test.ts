import { describe, expect, it } from "vitest";
import { harmTerms, suggestsHarm } from "./safeguarding";

describe("words that suggest harm to a child", () => {
  it("flags violence and abuse in Khmer, written without spaces", () => {
    expect(suggestsHarm("អ្នកជិតខាងវាយខ្ញុំរាល់ថ្ងៃ")).toBe(true);
    expect(harmTerms("គាត់ធ្វើបាបក្មេងៗ")).toEqual(["ធ្វើបាប"]);
    expect(suggestsHarm("មានអំពើហិង្សាក្នុងគ្រួសារ")).toBe(true);
    expect(suggestsHarm("គេជួញដូរកុមារទៅក្រៅប្រទេស")).toBe(true);
  });

  it("does not flag the everyday words that contain them", () => {
    expect(suggestsHarm("ការវាយតម្លៃសាលារៀនល្អណាស់")).toBe(false);
    expect(suggestsHarm("ជួញដូរនៅផ្សារ")).toBe(false);
    expect(suggestsHarm("បង្គន់សាលាត្រូវបានចាក់សោ")).toBe(false);
  });

  it("flags English words with their endings, and only whole words", () => {
    expect(harmTerms("My neighbour beats me")).toEqual(["beat"]);
    expect(suggestsHarm("She was abused at the shelter")).toBe(true);
    expect(suggestsHarm("They made him do child labor")).toBe(true);
    expect(suggestsHarm("The school toilets are locked")).toBe(false);
    expect(suggestsHarm("a white board and a habit of reading")).toBe(false);
  });
});
