// The frame of the sign-in and setup pages: the console's name above one card.
import type { ReactNode } from "react";
import { primaryButtonClass } from "@/components/ui/control-classes";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight text-slate-900">Cluster Console</p>
        <section aria-labelledby="auth-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 id="auth-heading" className="text-xl font-semibold">
            {title}
          </h1>
          {intro ? <div className="mt-1 text-sm text-slate-600">{intro}</div> : null}
          <div className="mt-6">{children}</div>
        </section>
      </div>
    </main>
  );
}

export const authInputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";
export const authButtonClass = `w-full ${primaryButtonClass}`;
