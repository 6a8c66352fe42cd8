import type { Db } from "../db/database";
import { submit } from "../modules/feedback/feedback.public";
import { addChannel, channelSettings } from "../modules/sms/sms.channels";

/**
 * The demo SMS channel's webhook secret, printed at start-up so that a gateway (or curl) can try the
 * webhook. The channel has no gateway to send through: its replies are kept as "skipped: no gateway".
 */
export const DEMO_SMS_CHANNEL = "demo";
export const DEMO_SMS_SECRET = "demo-sms-secret";

/** Marks each demo message as such (feedback_messages has no is_demo column: the words say it). */
const DEMO = " (ទិន្នន័យសាកល្បង · demo)";

/**
 * A few citizens' messages in the demo commune (Boeng Bat Kandaol, 150101), so that the `commune`
 * demo user finds messages to answer and the `socialworker` a report in the child-protection queue.
 * They go through the public form's own service, with its rules (codes, due dates, routing).
 */
export async function seedDemoFeedback(db: Db): Promise<void> {
  await addChannel(
    db,
    null,
    channelSettings({ id: DEMO_SMS_CHANNEL, name: "Demo SMS channel (no gateway)", sender: "8383" }),
    DEMO_SMS_SECRET,
  );
  const messages = [
    {
      sectorCode: "PS",
      topic: "buildings_water_toilets",
      text: "បង្គន់សាលាត្រូវបានចាក់សោពេលចេញលេង យើងមិនអាចប្រើបានទេ។",
      harm: false,
    },
    { sectorCode: "HC", topic: "medicines_care", text: "មណ្ឌលសុខភាពអស់ថ្នាំគ្រុនក្តៅតាំងពីសប្តាហ៍មុន។", harm: false },
    {
      sectorCode: "PS",
      topic: "fees",
      text: "Our teacher asks every child for 500 riel each morning.",
      harm: false,
    },
    { sectorCode: null, topic: "safety", text: "ក្មេងម្នាក់នៅភូមិយើងត្រូវឪពុកចុងវាយរាល់យប់។", harm: true },
  ] as const;
  for (const message of messages) {
    await submit(
      db,
      { cipher: null, locale: "km" },
      null,
      {
        communeCode: "150101",
        sectorCode: message.sectorCode,
        facilityId: null,
        topic: message.topic,
        text: message.text + DEMO,
        harm: message.harm,
        contactPhone: null,
        website: "",
      },
      new Date(),
    );
  }
}
