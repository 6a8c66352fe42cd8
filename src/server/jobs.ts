import type { Database } from "./db/database";
import { EXPORT_KINDS } from "./exports";
import { exportWriteJob, sweepExports, writeExport } from "./modules/exports/exports.jobs";
import { escalateOverdue } from "./modules/feedback/feedback.escalation";
import { remindDueSoon } from "./modules/feedback/feedback.reminders";
import { handOverDueSms, runDelivery, smsDeliverJob } from "./modules/sms/sms.sender";
import { SMS_SEND_JOB } from "./modules/sms/sms.service";
import { sweepAbandonedUploads } from "./modules/uploads/uploads.sweep";
import { type Clock, systemClock } from "./platform/clock";
import type { ContactCipher } from "./platform/contact-cipher";
import { handle, type JobDefinitions, noJobs, type QueuedJob, type ScheduledJob } from "./platform/jobs";

/** The jobs of a server process: queued ones bound to their handlers, and scheduled ones. */
export function jobDefinitions(
  database: Database,
  cipher: ContactCipher,
  clock: Clock = systemClock,
): JobDefinitions {
  return { queued: queuedJobs(database, cipher, clock), scheduled: scheduledJobs(database, cipher, clock) };
}

function queuedJobs(database: Database, cipher: ContactCipher, clock: Clock): QueuedJob[] {
  // A file's writer queues no further job.
  const deps = { db: database.db, clock, cipher, jobs: noJobs };
  return [
    handle(smsDeliverJob, (payload) => runDelivery({ db: database.db, cipher }, payload, clock.now())),
    handle(exportWriteJob, ({ exportId }) => writeExport(deps, EXPORT_KINDS, exportId)),
  ];
}

function scheduledJobs(database: Database, cipher: ContactCipher, clock: Clock): ScheduledJob[] {
  return [
    // Every minute, and soon after any commit that queued an SMS (the nudge).
    {
      name: SMS_SEND_JOB,
      cron: "* * * * *",
      run: (jobs) => handOverDueSms({ db: database.db, jobs }, clock.now()),
    },
    // Every quarter of an hour: due dates are days, and a message escalates soon after midnight.
    { name: "feedback.escalate", cron: "*/15 * * * *", run: () => escalateOverdue(database.db, clock.now()) },
    // Each morning in Cambodia (01:00 UTC is 08:00 in Phnom Penh): staff hear of what is due by tomorrow.
    {
      name: "feedback.remind",
      cron: "0 1 * * *",
      run: () => remindDueSoon(database.db, cipher, clock.now()),
    },
    // Once a day, at night in Cambodia (20:30 UTC is 03:30 in Phnom Penh).
    {
      name: "uploads.sweep",
      cron: "30 20 * * *",
      run: () => sweepAbandonedUploads(database.db, clock.now()),
    },
    // Every hour: an export is kept for a day, and its file should not outlive that by much.
    { name: "exports.sweep", cron: "5 * * * *", run: () => sweepExports(database.db, clock.now()) },
  ];
}
