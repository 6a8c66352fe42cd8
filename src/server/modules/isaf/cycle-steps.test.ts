import { describe, expect, it } from "vitest";
import { STEP_PREREQUISITES } from "../../steps";
import { I4C_PUBLISHED, stepPrerequisites } from "./cycle-steps.service";

/**
 * The steps' prerequisites come from the modules that own them (src/server/steps.ts); cycles.test.ts
 * checks each refusal through the API. Here: the list names every step that needs something first.
 */
describe("the cycle steps' prerequisites", () => {
  it("lists what each step needs, from its module", () => {
    expect(
      [...STEP_PREREQUISITES.values()].map((prerequisite) => [prerequisite.step, prerequisite.missing]),
    ).toEqual([
      ["i4c", "step_needs_published_i4c"],
      ["scorecard", "step_needs_community_scorecard"],
      ["self_assessment", "step_needs_self_assessment"],
      ["interface_meeting", "step_needs_interface_meeting"],
      ["jaap", "step_needs_jaap_action"],
    ]);
  });

  it("refuses two prerequisites for one step", () => {
    expect(() => stepPrerequisites([I4C_PUBLISHED, I4C_PUBLISHED])).toThrow(
      /Two prerequisites for the i4c step/,
    );
  });
});
