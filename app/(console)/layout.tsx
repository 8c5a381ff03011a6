import Link from "next/link";
import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/shell/console-nav";
import { CurrentUserProvider } from "@/components/shell/current-user";
import { LiveUpdates } from "@/components/shell/live-updates";
import { PhoneMenu } from "@/components/shell/phone-menu";
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
        <header className="relative border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6 lg:gap-8">
            <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight text-slate-900">
              Cluster Console
            </Link>
            <div className="hidden lg:block">
              <ConsoleNav />
            </div>
            <div className="ml-auto flex min-w-0 items-center gap-4">
              <LiveUpdates />
              <div className="hidden min-w-0 lg:block">
                <UserMenu />
              </div>
              <PhoneMenu />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </CurrentUserProvider>
  );
}
