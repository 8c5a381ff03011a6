"use client";
// The signed-in user for client components, provided once by the console layout, so controls a
// role cannot use are hidden or disabled with a reason.
import { createContext, type ReactNode, useContext } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";

export interface CurrentUser {
  email: string;
  name: string | null;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser needs the console layout's CurrentUserProvider");
  return user;
}

/** Whether the signed-in user has at least this role. */
export function useHasRole(required: Role): boolean {
  return hasRole(useCurrentUser().role, required);
}
