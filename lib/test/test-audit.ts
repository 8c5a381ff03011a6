// The actor service tests act as.
import { systemAudit } from "@/lib/audit/audit-context";

export const audit = systemAudit("tester@example.com");
