// needsSetup: whether the console still waits for its first admin (no user exists yet).
import { db } from "@/lib/db";

export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}
