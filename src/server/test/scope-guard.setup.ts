import { writeFileSync } from "node:fs";
import { afterAll } from "vitest";
import { unscopedReads } from "./test-database";

afterAll(() => {
  if (unscopedReads.length) {
    writeFileSync(`/tmp/unscoped-${process.pid}-${Date.now()}.json`, JSON.stringify(unscopedReads, null, 1));
  }
});
