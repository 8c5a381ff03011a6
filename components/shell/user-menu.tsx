"use client";
// Who is signed in, with which role, and the way out.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOut } from "@/lib/client/auth-client";
import { useCurrentUser } from "./current-user";

export function UserMenu() {
  const user = useCurrentUser();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function leave() {
    setSigningOut(true);
    await signOut().catch(() => undefined);
    router.replace("/signin");
    router.refresh();
  }

  return (
    <div className="flex min-w-0 items-center gap-3 text-sm">
      <span className="flex min-w-0 items-center gap-1 text-slate-700" data-testid="signed-in-user">
        <span className="truncate" title={user.email}>
          {user.name ?? user.email}
        </span>{" "}
        <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{user.role}</span>
      </span>
      <button
        type="button"
        onClick={leave}
        disabled={signingOut}
        className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-60"
      >
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
