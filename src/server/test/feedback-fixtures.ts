import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { feedbackMessages } from "../db/schema";
import { addChannel, channelSettings } from "../modules/sms/sms.channels";
import { TEST_CIPHER, type TestApp } from "./harness";

let lastIp = 0;

/**
 * Sends a message through the public form, each from its own address (the form is limited per
 * address), about a school in the demo commune unless `body` says otherwise; the stored row.
 */
export async function submitFeedback(t: TestApp, body: object = {}) {
  lastIp += 1;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/public/v1/feedback",
    remoteAddress: `10.${100 + Math.floor(lastIp / 62_500)}.${Math.floor(lastIp / 250) % 250}.${(lastIp % 250) + 1}`,
    payload: {
      communeCode: "150101",
      sectorCode: "PS",
      topic: "teaching",
      text: "No teacher today.",
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const [row] = await t.db
    .select()
    .from(feedbackMessages)
    .where(eq(feedbackMessages.trackingCode, response.json().trackingCode));
  return row!;
}

/** The default SMS channel, able to send (to a gateway nobody calls: the tests read sms_outbound). */
export function addSendingChannel(t: TestApp) {
  return addChannel(
    t.db,
    TEST_CIPHER,
    channelSettings({
      id: "main",
      name: "Main",
      sender: "8383",
      sendUrl: "https://gw.example/send",
      isDefault: true,
    }),
  );
}
