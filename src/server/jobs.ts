import type { Database } from "./db/database";
import { EXPORT_KINDS } from "./exports";
import { exportWriteJob, sweepExports, writeExport } from "./modules/exports/exports.jobs";
import { escalateOverdue } from "./modules/feedback/feedback.escalation";
import { remindDueSoon } from "./modules/feedback/feedback.reminders";
import { handOverDueSms, runDelivery, smsDeliverJob } from "./modules/sms/sms.sender";
import { SMS_SEND_JOB } from "./modules/sms/sms.service";
import { sweepAbandonedUploads } from "./modules/uploads/uploads.sweep";
import type { ContactCipher } from "./platform/contact-cipher";
import { handle, type JobDefinitions, type QueuedJob, type ScheduledJob } from "./platform/jobs";

/** The jobs of a server process: queued ones bound to their handlers, and scheduled ones. */
export function jobDefinitions(database: Database, cipher: ContactCipher): JobDefinitions {
  return { queued: queuedJobs(database, cipher), scheduled: scheduledJobs(database, cipher) };
}

function queuedJobs(database: Database, cipher: ContactCipher): QueuedJob[] {
  return [
    handle(smsDeliverJob, (payload) => runDelivery({ db: database.db, cipher }, payload)),
    handle(exportWriteJob, ({ exportId }) => writeExport(database.db, EXPORT_KINDS, exportId)),
  ];
}

function scheduledJobs(database: Database, cipher: ContactCipher): ScheduledJob[] {
  return [
    // Every minute, and soon after any commit that queued an SMS (the nudge).
    { name: SMS_SEND_JOB, cron: "* * * * *", run: (jobs) => handOverDueSms({ db: database.db, jobs }) },
    // Every quarter of an hour: due dates are days, and a message escalates soon after midnight.
    { name: "feedback.escalate", cron: "*/15 * * * *", run: () => escalateOverdue(database.db) },
    // Each morning in Cambodia (01:00 UTC is 08:00 in Phnom Penh): staff hear of what is due by tomorrow.
    { name: "feedback.remind", cron: "0 1 * * *", run: () => remindDueSoon(database.db, cipher) },
    // Once a day, at night in Cambodia (20:30 UTC is 03:30 in Phnom Penh).
    { name: "uploads.sweep", cron: "30 20 * * *", run: () => sweepAbandonedUploads(database.db) },
    // Every hour: an export is kept for a day, and its file should not outlive that by much.
    { name: "exports.sweep", cron: "5 * * * *", run: () => sweepExports(database.db) },
  ];
}
