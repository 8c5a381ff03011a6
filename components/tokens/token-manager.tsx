"use client";
// API tokens: the signed-in user's own (or, for an admin, everyone's), a form for new ones, the new
// secret shown once, and revoking behind a confirmation step because scripts using it stop at once.
import { type FormEvent, useRef, useState } from "react";
import type { CreatedTokenView, TokenView } from "@/lib/auth/api-schema";
import { useCreateToken, useRevokeToken, useTokens } from "@/lib/client/admin-hooks";
import { ApiError } from "@/lib/client/api-client";
import { useCurrentUser } from "@/components/shell/current-user";
import { EmptyPanel, ErrorPanel, LoadingPanel, FormAlert } from "@/components/ui/status-panels";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, dangerButtonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";

export function TokenManager() {
  const isAdmin = useCurrentUser().role === "admin";
  const [showAll, setShowAll] = useState(false);
  const listAll = isAdmin && showAll;
  const tokens = useTokens(listAll);

  return (
    <div className="space-y-8">
      <NewTokenForm />
      <section aria-labelledby="token-list-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="token-list-heading" className="text-lg font-semibold">
            {listAll ? "Every user's tokens" : "Your tokens"}
          </h2>
          {isAdmin ? (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={showAll}
                onChange={(event) => setShowAll(event.target.checked)}
                className="h-4 w-4 rounded border-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
              />
              Show every user&apos;s tokens
            </label>
          ) : null}
        </div>
        {tokens.isPending ? (
          <LoadingPanel label="Loading API tokens…" />
        ) : tokens.isError ? (
          <ErrorPanel title="The API tokens could not be loaded" error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyPanel title={listAll ? "Nobody has an API token yet" : "You have no API tokens yet"}>
            Create one above to call the API from a script.
          </EmptyPanel>
        ) : (
          <DataTable
            label="API tokens"
            columns={["Name", "Token", listAll && "Owner", "Created", "Expires", "Last used", "Status", "Actions"]}
          >
            {tokens.data.items.map((token) => (
              // Status is judged at the moment the list was fetched, so a render never reads the clock.
              <TokenRow key={token.id} token={token} showOwner={listAll} now={tokens.dataUpdatedAt} />
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function NewTokenForm() {
  const createToken = useCreateToken();
  const [name, setName] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const focusNameOnReturn = useRef(false);
  const fieldErrors = createToken.error instanceof ApiError ? (createToken.error.problem.errors ?? []) : [];
  const fieldError = (path: string) => fieldErrors.find((candidate) => candidate.path === path)?.message;

  // Done unmounts the secret; focus lands back on the form instead of falling back to the page.
  function done() {
    focusNameOnReturn.current = true;
    createToken.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A date input names a day in the user's own calendar; the token lasts until that day ends there.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59.999`).toISOString() : undefined;
    createToken.mutate(
      { name, ...(expiresAt ? { expires_at: expiresAt } : {}) },
      {
        onSuccess: () => {
          setName("");
          setExpiresOn("");
        },
      },
    );
  }

  if (createToken.isSuccess) return <NewTokenSecret token={createToken.data} onDone={done} />;

  const nameError = fieldError("name");
  const expiryError = fieldError("expires_at");
  return (
    <section aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-token-heading" className="text-lg font-semibold">
        Create a token
      </h2>
      {/* The server's messages are the ones shown next to the fields, so the browser's own checks stay out of the way. */}
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="text-sm">
            <label htmlFor="new-token-name" className="block font-medium text-slate-700">
              Name
            </label>
            <input
              ref={(input) => {
                if (input && focusNameOnReturn.current) {
                  focusNameOnReturn.current = false;
                  input.focus();
                }
              }}
              id="new-token-name"
              type="text"
              required
              autoComplete="off"
              placeholder="e.g. nightly backup script"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "new-token-name-error" : undefined}
              className={inputClass}
            />
            {nameError ? (
              <span id="new-token-name-error" className="mt-1 block text-xs text-red-700">
                {nameError}
              </span>
            ) : null}
          </div>
          <div className="text-sm">
            <label htmlFor="new-token-expiry" className="block font-medium text-slate-700">
              Expires on (optional)
            </label>
            <input
              id="new-token-expiry"
              type="date"
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
              aria-invalid={expiryError ? true : undefined}
              aria-describedby={expiryError ? "new-token-expiry-error" : "new-token-expiry-hint"}
              className={inputClass}
            />
            {expiryError ? (
              <span id="new-token-expiry-error" className="mt-1 block text-xs text-red-700">
                {expiryError}
              </span>
            ) : (
              <span id="new-token-expiry-hint" className="mt-1 block text-xs text-slate-500">
                Valid until the end of that day. Leave empty for a token that does not expire.
              </span>
            )}
          </div>
        </div>
        {createToken.isError ? <FormAlert>{createToken.error.message}</FormAlert> : null}
        <button type="submit" disabled={createToken.isPending} className={primaryButtonClass}>
          {createToken.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
    </section>
  );
}

function NewTokenSecret({ token, onDone }: { token: CreatedTokenView; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  function copySecret() {
    navigator.clipboard.writeText(token.token).then(
      () => setCopy("copied"),
      () => setCopy("failed"),
    );
  }

  return (
    <section
      aria-labelledby="new-token-secret-heading"
      className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-950"
    >
      <h2 id="new-token-secret-heading" className="text-lg font-semibold">
        Token &ldquo;{token.name}&rdquo; created
      </h2>
      <p id="new-token-secret-note" className="font-medium">
        Copy it now: you will not see it again. If you lose it, revoke it and create another.
      </p>
      <div className="flex gap-2">
        {/* Focused and selected on arrival, so copying by keyboard works even without the clipboard API. */}
        <input
          type="text"
          readOnly
          aria-label="New API token"
          aria-describedby="new-token-secret-note"
          value={token.token}
          onFocus={(event) => event.target.select()}
          autoFocus
          className="w-full rounded-md border border-green-300 bg-white px-3 py-2 font-mono text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        />
        <button type="button" onClick={copySecret} className={buttonClass}>
          Copy
        </button>
      </div>
      <p role="status" className="text-xs">
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "The browser refused to copy; select the token and copy it by hand."
            : ""}
      </p>
      <button type="button" onClick={onDone} className={primaryButtonClass}>
        Done
      </button>
    </section>
  );
}

function TokenRow({ token, showOwner, now }: { token: TokenView; showOwner: boolean; now: number }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const status = token.revoked_at ? "revoked" : token.expires_at && Date.parse(token.expires_at) <= now ? "expired" : "active";
  const confirmId = `revoke-${token.id}`;

  // Focus returns to the button that opened the step, instead of falling back to the page.
  function closeConfirm() {
    setConfirming(false);
    revokeButton.current?.focus();
  }

  return (
    <tr className="align-top hover:bg-slate-50">
      <td className="px-4 py-3 font-medium">{token.name}</td>
      <td className="px-4 py-3 font-mono text-xs">{token.prefix}…</td>
      {showOwner ? <td className="px-4 py-3">{token.owner_email}</td> : null}
      <td className="px-4 py-3">
        <LocalTime iso={token.created_at} />
      </td>
      <td className="px-4 py-3">
        {token.expires_at ? <LocalTime iso={token.expires_at} /> : <span className="text-slate-500">Never</span>}
      </td>
      <td className="px-4 py-3">
        {token.last_used_at ? <LocalTime iso={token.last_used_at} /> : <span className="text-slate-500">Never</span>}
      </td>
      <td className="px-4 py-3">
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${status === "active" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}
        >
          {status}
        </span>
      </td>
      <td className="px-4 py-3">
        {status === "active" ? (
          <>
            <button
              ref={revokeButton}
              type="button"
              className={buttonClass}
              aria-expanded={confirming}
              aria-controls={confirming ? confirmId : undefined}
              onClick={() => setConfirming((open) => !open)}
            >
              Revoke
            </button>
            {confirming ? (
              <div
                id={confirmId}
                role="group"
                aria-label={`Confirm revoking ${token.name}`}
                className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-xs text-red-900"
              >
                <p>Revoke &ldquo;{token.name}&rdquo;? Scripts using it stop working at once.</p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    className={dangerButtonClass}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(token.id, { onSettled: closeConfirm })}
                  >
                    {revoke.isPending ? "Revoking…" : "Yes, revoke"}
                  </button>
                  <button type="button" className={buttonClass} disabled={revoke.isPending} onClick={closeConfirm} autoFocus>
                    Cancel
                  </button>
                </div>
              </div>
            ) : null}
          </>
        ) : null}
        {revoke.isError ? (
          <p role="alert" className="mt-2 max-w-xs text-xs text-red-700">
            {revoke.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
