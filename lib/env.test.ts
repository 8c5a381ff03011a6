import { describe, expect, it } from "vitest";
import { EMBEDDED_DATABASE_URL, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    expect(parseEnv({ NODE_ENV: "production" })).toMatchObject({
      DATABASE_URL: EMBEDDED_DATABASE_URL,
      // Saved blueprints go under the git-ignored data/, apart from the shipped examples in blueprints/.
      BLUEPRINTS_DIR: "data/blueprints",
      RATE_LIMIT_READS_PER_MINUTE: 600,
      SIGNIN_MAX_FAILURES: 5,
      CLUSTER_LOCK_TIMEOUT_MS: 15_000,
    });
    expect(parseEnv({}).AUTOSCALER_LEASE_MS).toBeUndefined();
    expect(parseEnv({ AUTOSCALER_TICK_MS: "200", AUTOSCALER_LEASE_MS: "600" }).AUTOSCALER_LEASE_MS).toBe(600);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a SQLite URL/],
    [{ RATE_LIMIT_READS_PER_MINUTE: "many" }, /RATE_LIMIT_READS_PER_MINUTE/],
    [{ RATE_LIMIT_MUTATIONS_PER_MINUTE: "0" }, /must be above 0/],
    [{ ADMIN_EMAIL: "admin@example.com" }, /set ADMIN_EMAIL and ADMIN_PASSWORD together/],
    [{ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "long-enough-pw" }, /ADMIN_EMAIL must be an email address/],
    [{ NEXTAUTH_SECRET: "short" }, /at least 32 characters/],
    [{ NODE_ENV: "production", DATABASE_URL: "file:/srv/console.db" }, /NEXTAUTH_SECRET is required in production/],
    [{ EXECUTOR_ALLOWED_HOSTS: "agents.example.com,https://x.example.com" }, /EXECUTOR_ALLOWED_HOSTS must list host names or host:port/],
    [{ EXECUTOR_ALLOWED_HOSTS: " , " }, /EXECUTOR_ALLOWED_HOSTS must list at least one host/],
    [{ EXECUTOR_MAX_RESPONSE_BYTES: "-1" }, /must be above 0/],
    [{ AUTOSCALER_TICK_MS: "1000", AUTOSCALER_LEASE_MS: "2000" }, /AUTOSCALER_LEASE_MS must be at least three AUTOSCALER_TICK_MS/],
    [{ CLUSTER_LOCK_TIMEOUT_MS: "soon" }, /CLUSTER_LOCK_TIMEOUT_MS/],
  ])("names the variable and the fix for %o", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("names every variable at fault at once, those checked together included", () => {
    const source = { NODE_ENV: "production", DATABASE_URL: "file:/srv/console.db", RATE_LIMIT_READS_PER_MINUTE: "many" } as const;
    expect(() => parseEnv(source)).toThrow(
      /must be a whole number above 0\n.*RATE_LIMIT_READS_PER_MINUTE[\s\S]*NEXTAUTH_SECRET is required/,
    );
  });

  it("reads the executor allow-list as lower-case hosts, with or without a port", () => {
    const parsed = parseEnv({ EXECUTOR_ALLOWED_HOSTS: " Agents.Example.com , 127.0.0.1:4100,[::1]:8080,example.org:80" });
    expect(parsed.EXECUTOR_ALLOWED_HOSTS).toEqual(["agents.example.com", "127.0.0.1:4100", "[::1]:8080", "example.org:80"]);
    expect(parsed.EXECUTOR_MAX_RESPONSE_BYTES).toBe(1_048_576);
    expect(parseEnv({}).EXECUTOR_ALLOWED_HOSTS).toBeUndefined();
  });

  it("lets production run without a secret on the embedded database, which generates its own", () => {
    expect(parseEnv({ NODE_ENV: "production" }).NEXTAUTH_SECRET).toBeUndefined();
  });
});
