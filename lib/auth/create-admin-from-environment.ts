// createAdminFromEnvironment: ADMIN_EMAIL and ADMIN_PASSWORD create the first admin unattended on
// start; afterwards they change nothing.
import { systemAudit } from "@/lib/audit/audit-context";
import type { UserView } from "./api-schema";
import { createFirstAdmin } from "./create-first-admin";
import { needsSetup } from "./needs-setup";

export async function createAdminFromEnvironment(credentials: { email?: string; password?: string }): Promise<UserView | null> {
  if (!credentials.email || !credentials.password || !(await needsSetup())) return null;
  try {
    return await createFirstAdmin(
      { email: credentials.email.toLowerCase(), password: credentials.password },
      { audit: systemAudit("environment") },
    );
  } catch (error) {
    // Console instances started together on one database race for it: one creates the admin.
    if (!(await needsSetup())) return null;
    throw error;
  }
}
