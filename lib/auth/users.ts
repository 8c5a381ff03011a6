// Users: create (by an admin, by the setup page, or unattended from the environment), change
// name, role, password or disabled, list. At least one enabled admin always remains.
import { type AuditContext, systemAudit } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import type { CreateUserRequest, UpdateUserRequest, UserView } from "./api-schema";
import { hashPassword } from "./password";
import { toUserView } from "./user-record";
import { type PageQuery, pageWindow, toPage } from "@/lib/shapes/pagination";

export async function createUser(input: CreateUserRequest, options: { audit: AuditContext }): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const created = await insertUser(tx, input, passwordHash);
    await recordAudit(tx, options.audit, {
      action: "user.create",
      targetType: "user",
      targetId: created.id,
      summary: `created ${created.email} as ${created.role}`,
    });
    return created;
  });
  return toUserView(row);
}

/** The first admin, from the setup page or ADMIN_EMAIL/ADMIN_PASSWORD; refused once any user exists. */
export async function createFirstAdmin(input: Omit<CreateUserRequest, "role">, options: { audit?: AuditContext } = {}): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new ConflictError("the console is already set up; sign in instead");
    const created = await insertUser(tx, { ...input, role: "admin" }, passwordHash);
    const audit = options.audit ?? systemAudit("setup");
    await recordAudit(
      tx,
      { ...audit, actorId: audit.actorId ?? created.id },
      { action: "user.setup", targetType: "user", targetId: created.id, summary: `created the first admin ${created.email}` },
    );
    return created;
  });
  return toUserView(row);
}

export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function updateUser(id: string, changes: UpdateUserRequest, options: { audit: AuditContext }): Promise<UserView> {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const row = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError("user", id);
    const losesAdmin =
      user.role === "admin" &&
      user.disabledAt === null &&
      ((changes.role !== undefined && changes.role !== "admin") || changes.disabled === true);
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 1) {
      throw new ConflictError(`${user.email} is the only enabled admin; make another user admin first`);
    }
    const disabledAt = changes.disabled === undefined ? undefined : changes.disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({ where: { id }, data: { name: changes.name, role: changes.role, disabledAt, passwordHash } });
    await recordAudit(tx, options.audit, {
      action: "user.update",
      targetType: "user",
      targetId: id,
      summary: `${user.email}: ${describeUserChange(user, changes)}`,
    });
    return updated;
  });
  return toUserView(row);
}

export async function listUsers(query: PageQuery) {
  const [rows, total] = await db.$transaction([db.user.findMany({ orderBy: { email: "asc" }, ...pageWindow(query) }), db.user.count()]);
  return toPage(rows.map(toUserView), total, query);
}

function insertUser(tx: Prisma.TransactionClient, input: CreateUserRequest, passwordHash: string): Promise<User> {
  return tx.user.create({
    data: { id: crypto.randomUUID(), email: input.email, name: input.name ?? null, role: input.role, passwordHash },
  });
}

async function assertEmailFree(tx: Prisma.TransactionClient, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
    throw new ConflictError(`a user with email ${email} already exists`);
}

function describeUserChange(user: User, changes: UpdateUserRequest): string {
  const parts: string[] = [];
  if (changes.role !== undefined && changes.role !== user.role) parts.push(`role ${user.role} -> ${changes.role}`);
  if (changes.disabled !== undefined && changes.disabled !== (user.disabledAt !== null))
    parts.push(changes.disabled ? "disabled" : "enabled");
  if (changes.name !== undefined && changes.name !== user.name) parts.push("name changed");
  if (changes.password !== undefined) parts.push("password changed");
  return parts.length ? parts.join(", ") : "no change";
}

/** ADMIN_EMAIL and ADMIN_PASSWORD create the first admin unattended; afterwards they change nothing. */
export async function createAdminFromEnvironment(credentials: { email?: string; password?: string }): Promise<UserView | null> {
  if (!credentials.email || !credentials.password || !(await needsSetup())) return null;
  return createFirstAdmin(
    { email: credentials.email.toLowerCase(), password: credentials.password },
    { audit: systemAudit("environment") },
  );
}
