// What a page shows to a signed-in user whose role is too low for it.
import type { Role } from "@/lib/auth/roles";

export function ForbiddenPanel({ required, actual }: { required: Role; actual: Role }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-sm text-amber-900">
      <p className="font-medium">This page needs the {required} role</p>
      <p className="mt-1">You are signed in as {actual}. Ask an admin to change your role.</p>
    </div>
  );
}
