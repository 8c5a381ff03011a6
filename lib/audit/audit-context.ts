// Who made a change, from where: every mutating service takes one and writes it to the audit
// log in the same transaction as the change.
export interface AuditContext {
  actorId: string | null;
  actorEmail: string;
  ip: string | null;
  requestId: string | null;
}

/** Changes the server makes on its own (crash recovery on start, command-line set-up). */
export function systemAudit(actorEmail: string): AuditContext {
  return { actorId: null, actorEmail, ip: null, requestId: null };
}
