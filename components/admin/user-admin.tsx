"use client";
// User administration: every user with role and status, a form for new users, role changes, and
// disabling behind a confirmation step because it ends the user's session and tokens at once.
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import type { UserView } from "@/lib/auth/api-schema";
import { ROLES, type Role } from "@/lib/auth/roles";
import { useCreateUser, useUpdateUser, useUsers } from "@/lib/client/admin-hooks";
import { ApiError } from "@/lib/client/api-client";
import { useCurrentUser } from "@/components/shell/current-user";
import { EmptyPanel, ErrorPanel, LoadingPanel, Tag, FormAlert } from "@/components/ui/status-panels";
import { Pager } from "@/components/ui/pager";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, dangerButtonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";

export function UserAdmin() {
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const me = useCurrentUser();

  return (
    <div className="space-y-8">
      <NewUserForm />
      <section aria-labelledby="user-list-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="user-list-heading" className="text-lg font-semibold">
            All users
          </h2>
          {users.data ? (
            <p className="text-sm text-slate-600" aria-live="polite">
              {users.data.total} user{users.data.total === 1 ? "" : "s"}
            </p>
          ) : null}
        </div>
        {users.isPending ? (
          <LoadingPanel label="Loading users…" />
        ) : users.isError ? (
          <ErrorPanel title="The users could not be loaded" error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <EmptyPanel title="No users on this page" />
        ) : (
          <>
            <DataTable label="Users" columns={["Email", "Name", "Role", "Status", "Last sign-in", "Actions"]}>
              {users.data.items.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.email === me.email} />
              ))}
            </DataTable>
            <Pager page={page} pageSize={users.data.page_size} total={users.data.total} onPage={setPage} />
          </>
        )}
      </section>
    </div>
  );
}

const EMPTY_DRAFT: { email: string; name: string; password: string; role: Role } = { email: "", name: "", password: "", role: "viewer" };

function NewUserForm() {
  const createUser = useCreateUser();
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  const fieldErrors = createUser.error instanceof ApiError ? (createUser.error.problem.errors ?? []) : [];
  const fieldError = (path: string) => fieldErrors.find((candidate) => candidate.path === path)?.message;
  const edit = (changes: Partial<typeof EMPTY_DRAFT>) => setDraft((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreatedEmail(null);
    const name = draft.name.trim();
    createUser.mutate(
      { email: draft.email, password: draft.password, role: draft.role, ...(name ? { name } : {}) },
      {
        onSuccess: (user) => {
          setDraft(EMPTY_DRAFT);
          setCreatedEmail(user.email);
        },
      },
    );
  }

  return (
    <section aria-labelledby="new-user-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-user-heading" className="text-lg font-semibold">
        New user
      </h2>
      {/* The server's messages are the ones shown next to the fields, so the browser's own checks stay out of the way. */}
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="new-user-email" label="Email" error={fieldError("email")}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="off"
                required
                value={draft.email}
                onChange={(event) => edit({ email: event.target.value })}
              />
            )}
          </Field>
          <Field id="new-user-name" label="Name (optional)" error={fieldError("name")}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={draft.name}
                onChange={(event) => edit({ name: event.target.value })}
              />
            )}
          </Field>
          <Field id="new-user-password" label="Password (at least 10 characters)" error={fieldError("password")}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                required
                value={draft.password}
                onChange={(event) => edit({ password: event.target.value })}
              />
            )}
          </Field>
          <Field id="new-user-role" label="Role" error={fieldError("role")}>
            {(control) => (
              <select {...control} value={draft.role} onChange={(event) => edit({ role: toRole(event.target.value) ?? draft.role })}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {createUser.isError ? <FormAlert>{createUser.error.message}</FormAlert> : null}
        {createdEmail ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            Created {createdEmail}.
          </p>
        ) : null}
        <button type="submit" disabled={createUser.isPending} className={primaryButtonClass}>
          {createUser.isPending ? "Creating…" : "Create user"}
        </button>
      </form>
    </section>
  );
}

interface ControlProps {
  id: string;
  className: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A label, its control and the server's message for it; the control's props tie the three together. */
function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium text-slate-700">
        {label}
      </label>
      {children({ id, className: inputClass, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined })}
      {error ? (
        <span id={errorId} className="mt-1 block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const pendingRole = update.isPending ? update.variables.changes.role : undefined;
  const confirmId = `disable-${user.id}`;

  // Focus returns to the button that opened the step, instead of falling back to the page.
  function closeConfirm() {
    setConfirming(false);
    toggleButton.current?.focus();
  }

  return (
    <tr className="align-top hover:bg-slate-50">
      <td className="px-4 py-3">
        <span className="font-medium">{user.email}</span> {isSelf ? <Tag>you</Tag> : null}
      </td>
      <td className="px-4 py-3">{user.name ?? <span className="text-slate-400">—</span>}</td>
      <td className="px-4 py-3">
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.email}
        </label>
        {/* Shows the chosen role while the change is saved, so the select does not jump back meanwhile. */}
        <select
          id={`role-${user.id}`}
          value={pendingRole ?? user.role}
          disabled={update.isPending}
          onChange={(event) => {
            const role = toRole(event.target.value);
            if (role) update.mutate({ id: user.id, changes: { role } });
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-60"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td className="px-4 py-3">
        {user.disabled ? <StatusBadge tone="off">Disabled</StatusBadge> : <StatusBadge tone="on">Enabled</StatusBadge>}
      </td>
      <td className="px-4 py-3">
        {user.last_sign_in_at ? <LocalTime iso={user.last_sign_in_at} /> : <span className="text-slate-500">Never</span>}
      </td>
      <td className="px-4 py-3">
        <button
          ref={toggleButton}
          type="button"
          className={buttonClass}
          aria-expanded={user.disabled ? undefined : confirming}
          aria-controls={confirming ? confirmId : undefined}
          onClick={() => (user.disabled ? update.mutate({ id: user.id, changes: { disabled: false } }) : setConfirming((open) => !open))}
        >
          {user.disabled ? "Enable" : "Disable"}
        </button>
        {confirming && !user.disabled ? (
          <div
            id={confirmId}
            role="group"
            aria-label={`Confirm disabling ${user.email}`}
            className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-xs text-red-900"
          >
            <p>
              {isSelf
                ? "Disable your own account? You are signed out at once."
                : `Disable ${user.email}? Their session and API tokens stop working at once.`}
            </p>
            <div className="flex gap-2">
              <button
                type="button"
                className={dangerButtonClass}
                disabled={update.isPending}
                onClick={() => update.mutate({ id: user.id, changes: { disabled: true } }, { onSettled: closeConfirm })}
              >
                {update.isPending ? "Disabling…" : "Yes, disable"}
              </button>
              <button type="button" className={buttonClass} disabled={update.isPending} onClick={closeConfirm} autoFocus>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
        {update.isError ? (
          <p role="alert" className="mt-2 max-w-xs text-xs text-red-700">
            {update.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function toRole(value: string): Role | undefined {
  return ROLES.find((role) => role === value);
}

function StatusBadge({ tone, children }: { tone: "on" | "off"; children: ReactNode }) {
  const colours = tone === "on" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700";
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${colours}`}>{children}</span>;
}
