import type { Db } from "../src/server/db/database";
import { generateFacilities } from "../src/server/db/facility-generator";

/**
 * National-scale registry (issue 2, part 13): a primary school, a health centre and a commune
 * administration in every one of the 1,652 communes, plus 5,000 child-protection service points:
 * about 10,000 facilities.
 */
export function generateNationalRegistry(db: Db): Promise<number> {
  return generateFacilities(db, {
    within: [],
    communeStep: 1,
    servicePoints: 5000,
    isDemo: false,
    codePrefix: "NAT-",
    seed: 7,
  });
}
