"use client";
// The console's navigation; marks the section the user is in and shows only the sections the
// user's role can use. A row in the header on wide screens, a column in the phone menu.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";
import { useCurrentUser } from "./current-user";

const SECTIONS: ReadonlyArray<{ href: string; label: string; role: Role }> = [
  { href: "/clusters", label: "Clusters", role: "viewer" },
  { href: "/blueprints", label: "Blueprints", role: "viewer" },
  { href: "/tokens", label: "API tokens", role: "viewer" },
  { href: "/docs", label: "API docs", role: "viewer" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/audit", label: "Audit log", role: "admin" },
];

export function ConsoleNav({ layout = "row", onNavigate }: { layout?: "row" | "column"; onNavigate?: () => void }) {
  const pathname = usePathname();
  const { role } = useCurrentUser();
  return (
    <nav aria-label="Main">
      <ul className={layout === "row" ? "flex gap-1" : "flex flex-col gap-1"}>
        {SECTIONS.filter((section) => hasRole(role, section.role)).map(({ href, label }) => {
          const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap focus:outline-none focus-visible:ring-2 focus-visible:ring-brand ${
                  isCurrent ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
