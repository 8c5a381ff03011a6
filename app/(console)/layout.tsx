import Link from "next/link";
import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/shell/console-nav";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { LiveUpdates } from "@/components/shell/live-updates";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePagePrincipal } from "@/lib/auth/page-principal";

// Every console page needs a signed-in user; the role travels to the client components.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requirePagePrincipal();
  const user = { email: principal.email, name: principal.name, role: principal.role };
  return (
    <CurrentUserProvider user={user}>
      <div className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center gap-8 px-6 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
              Cluster Console
            </Link>
            <ConsoleNav />
            <div className="ml-auto flex items-center gap-4">
              <LiveUpdates />
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-6 py-8">
          {children}
        </main>
      </div>
    </CurrentUserProvider>
  );
}
