import path from "node:path";

/** Settings come from environment variables only (issue 2, part 1). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Embedded database and files. */
  dataDir: string;
  /** Load demo facilities and demo users on an empty database. Off for production. */
  demoData: boolean;
  /** Send cookies only over HTTPS. */
  secureCookies: boolean;
  logLevel: string;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy): off by default, else "loopback",
   * an address or a comma-separated list. Trusting every client would let anyone choose the IP that
   * the audit log records and the sign-in rate limit counts.
   */
  trustProxy: string | false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SAMLENG_DATA_DIR ?? "./data"),
    demoData: !["0", "false", "off", "no"].includes((env.SAMLENG_DEMO_DATA ?? "on").toLowerCase()),
    secureCookies: ["1", "true", "on", "yes"].includes((env.SAMLENG_SECURE_COOKIES ?? "").toLowerCase()),
    logLevel: env.LOG_LEVEL ?? "warn",
    trustProxy: env.SAMLENG_TRUST_PROXY || false,
  };
}
