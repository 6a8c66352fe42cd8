import { addChannel, channelSettings } from "../../modules/sms/sms.channels";
import { type ModuleMatrix, only, type Principal } from "./kit";

/**
 * The SMS channels' rows (sms.policy.ts): only administrators set up channels, which are national.
 * Each principal that may create one creates its own, so that ids never collide.
 */
let made = 0;

export const smsMatrix: ModuleMatrix = {
  setup: async (kit) => {
    await addChannel(
      kit.db(),
      null,
      channelSettings({ id: "matrix-fixture", name: "Fixture", sender: "8383" }),
    );
  },
  rows: ({ call }) => {
    const create = (p: Principal) =>
      call(p, "POST", "/api/v1/sms/channels", {
        id: `matrix-${++made}`,
        name: "Matrix gateway",
        sender: "8383",
        sendUrl: "https://gateway.example/send",
      });
    return [
      {
        route: "GET /api/v1/sms/channels",
        record: "-",
        expect: only(["admin"], 200),
        send: (p) => call(p, "GET", "/api/v1/sms/channels"),
      },
      {
        route: "POST /api/v1/sms/channels",
        record: "-",
        expect: only(["admin"], 201),
        send: create,
      },
      {
        route: "POST /api/v1/sms/channels/:id/secret",
        record: "-",
        expect: only(["admin"], 200),
        send: async (p) => call(p, "POST", "/api/v1/sms/channels/matrix-fixture/secret", {}),
      },
      {
        route: "POST /api/v1/sms/channels/:id/active",
        record: "-",
        expect: only(["admin"], 200),
        send: (p) => call(p, "POST", "/api/v1/sms/channels/matrix-fixture/active", { active: true }),
      },
    ];
  },
};
