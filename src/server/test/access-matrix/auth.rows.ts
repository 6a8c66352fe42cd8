import { currentTotpCode } from "../../modules/auth/auth.service";
import { TEST_PASSWORD } from "../harness";
import { ANONYMOUS, everyone, type ModuleMatrix } from "./kit";

/** The auth module's rows: every signed-in user manages their own session, whatever the role. */
export const authMatrix: ModuleMatrix = {
  setup: async (kit) => {
    // The user whose name anonymous signs in with.
    await kit.createUser({ roles: ["viewer"], area: ["15"], username: "matrix-spare" });
  },
  rows: ({ call, send, sessionOf, twin }) => [
    {
      route: "POST /api/v1/auth/sign-in",
      record: "-",
      expect: () => 200,
      send: (p) =>
        call(p, "POST", "/api/v1/auth/sign-in", {
          username: p === ANONYMOUS ? "matrix-spare" : sessionOf(p)!.username,
          password: TEST_PASSWORD,
        }),
    },
    {
      route: "GET /api/v1/auth/session",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "GET", "/api/v1/auth/session"),
    },
    {
      route: "POST /api/v1/auth/sign-out",
      record: "-",
      expect: everyone(200),
      send: async (p) => send(await twin(p), "POST", "/api/v1/auth/sign-out", {}),
    },
    {
      route: "POST /api/v1/auth/sign-out-everywhere",
      record: "-",
      expect: everyone(200),
      send: async (p) => send(await twin(p), "POST", "/api/v1/auth/sign-out-everywhere", {}),
    },
    {
      route: "PUT /api/v1/auth/preferences",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "PUT", "/api/v1/auth/preferences", { locale: "en" }),
    },
    {
      route: "POST /api/v1/auth/password",
      record: "-",
      expect: everyone(200),
      send: async (p) =>
        send(await twin(p), "POST", "/api/v1/auth/password", {
          currentPassword: TEST_PASSWORD,
          newPassword: "Plum-Orchard-Lantern-42",
        }),
    },
    {
      route: "POST /api/v1/auth/totp/setup",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "POST", "/api/v1/auth/totp/setup", {}),
    },
    {
      route: "POST /api/v1/auth/totp/enable",
      record: "-",
      expect: everyone(200),
      send: async (p) => {
        const session = await twin(p);
        if (!session) return send(null, "POST", "/api/v1/auth/totp/enable", { code: "123456" });
        const { secret } = (await send(session, "POST", "/api/v1/auth/totp/setup", {})).json();
        return send(session, "POST", "/api/v1/auth/totp/enable", { code: currentTotpCode(secret) });
      },
    },
    {
      route: "POST /api/v1/auth/totp/disable",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "POST", "/api/v1/auth/totp/disable", { password: TEST_PASSWORD }),
    },
  ],
};
