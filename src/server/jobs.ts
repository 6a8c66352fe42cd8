import type { Database } from "./db/database";
import { sendDueSms } from "./modules/sms/sms.sender";
import { SMS_SEND_JOB } from "./modules/sms/sms.service";
import type { ContactCipher } from "./platform/contact-cipher";
import type { JobDefinition } from "./platform/jobs";

/** The background jobs of a server process (platform/jobs.ts runs them). */
export function jobDefinitions(database: Database, cipher: ContactCipher): JobDefinition[] {
  return [
    // Every minute, and soon after any commit that queued an SMS (the nudge).
    { name: SMS_SEND_JOB, cron: "* * * * *", run: () => sendDueSms({ db: database.db, cipher }) },
  ];
}
