// npm run env:check [development] - npm start and npm run dev run it first (prestart, predev): a bad
// environment stops them here, naming every variable at fault, before a server that would say
// "Ready" and then answer 500. It reads the .env files as next start (or next dev) will.
import nextEnv from "@next/env";

const mode = process.argv[2] === "development" ? "development" : "production";
nextEnv.loadEnvConfig(process.cwd(), mode === "development", { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
// As next start and next dev do, an unset NODE_ENV takes the mode's value (lib/env.ts reads it).
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || mode });
try {
  // lib/env.ts parses process.env when it loads and throws the message that names each variable.
  await import("../lib/env");
} catch (error) {
  console.error(
    `The console cannot start. ${(error as Error).message}\nFix these variables in the shell or in .env.local, then start again.`,
  );
  process.exit(1);
}
