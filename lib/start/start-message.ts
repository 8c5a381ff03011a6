// What the server says first when it starts: where to open the console and how to sign in.

export interface ConsoleAddress {
  /** The address to open: NEXTAUTH_URL when set (the console behind a proxy), else where the server listens. */
  url: string;
  /** Where the server listens, when that differs from `url`. */
  listening?: string;
}

/**
 * `origin` is the address Next.js has just bound (it honours -p, PORT and -H); a server started
 * some other way falls back to PORT on localhost.
 */
export function consoleAddress(source: { publicUrl?: string; origin?: string; port?: string }): ConsoleAddress {
  const listening = source.origin ?? `http://localhost:${source.port ?? "3000"}`;
  if (!source.publicUrl) return { url: listening };
  const url = source.publicUrl.replace(/\/+$/, "");
  return url === listening ? { url } : { url, listening };
}

export function describeAddress(address: ConsoleAddress): string {
  return `Cluster Console: open ${address.url}${address.listening ? ` (this server listens on ${address.listening})` : ""}`;
}

/** Who can sign in, as the start-up tasks left the database. */
export type SignInState =
  { kind: "needs-setup" } | { kind: "admin-created"; email: string } | { kind: "has-users"; adminEmailSet: boolean };

export function describeSignIn(address: ConsoleAddress, state: SignInState): string {
  switch (state.kind) {
    case "needs-setup":
      return `No user exists yet: open ${address.url}/setup to create the first admin (or start with ADMIN_EMAIL and ADMIN_PASSWORD set)`;
    case "admin-created":
      return `Sign in as ${state.email} with ADMIN_PASSWORD: the first admin, created from ADMIN_EMAIL just now`;
    case "has-users":
      // ADMIN_EMAIL only ever creates the first admin; once users exist it changes nothing.
      return `Sign in with your account at ${address.url}/signin${state.adminEmailSet ? " (ADMIN_EMAIL and ADMIN_PASSWORD only create the first admin, while no user exists)" : ""}`;
  }
}
