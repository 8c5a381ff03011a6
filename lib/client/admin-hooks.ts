// TanStack Query hooks for the user, API token and audit routes: the UI's only door to that data.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEntryView } from "@/lib/audit/api-schema";
import type { CreatedTokenView, CreateTokenRequest, CreateUserRequest, TokenView, UpdateUserRequest, UserView } from "@/lib/auth/api-schema";
import type { Page } from "@/lib/blueprint/api-schema";
import { apiFetch } from "./api-client";

/** The answer to creating a token: the only time its secret is sent. */

export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
  page: number;
}

export const userKeys = {
  all: ["users"] as const,
  list: (page: number) => [...userKeys.all, "list", page] as const,
};

export const tokenKeys = {
  all: ["tokens"] as const,
  list: (all: boolean) => [...tokenKeys.all, "list", all] as const,
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export function useUsers(page: number) {
  return useQuery({
    queryKey: userKeys.list(page),
    queryFn: () => apiFetch<Page<UserView>>(`/api/users?${new URLSearchParams({ page: String(page), page_size: "20" })}`),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  return useMutation({
    mutationFn: (user: CreateUserRequest) => apiFetch<UserView>("/api/users", { method: "POST", body: JSON.stringify(user) }),
    onSuccess: useInvalidate(userKeys.all, auditKeys.all),
  });
}

export function useUpdateUser() {
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      apiFetch<UserView>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(changes) }),
    onSuccess: useInvalidate(userKeys.all, auditKeys.all),
  });
}

export function useTokens(all: boolean) {
  return useQuery({
    queryKey: tokenKeys.list(all),
    queryFn: () => apiFetch<{ items: TokenView[] }>(all ? "/api/tokens?all=true" : "/api/tokens"),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  return useMutation({
    mutationFn: (token: CreateTokenRequest) => apiFetch<CreatedTokenView>("/api/tokens", { method: "POST", body: JSON.stringify(token) }),
    onSuccess: useInvalidate(tokenKeys.all, auditKeys.all),
  });
}

export function useRevokeToken() {
  return useMutation({
    mutationFn: (id: string) => apiFetch<TokenView>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: useInvalidate(tokenKeys.all, auditKeys.all),
  });
}

export function useAuditLog(filters: AuditFilters) {
  const search = new URLSearchParams({ page: String(filters.page), page_size: "50" });
  for (const key of ["actor", "action", "target", "from", "to"] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => apiFetch<Page<AuditEntryView>>(`/api/audit?${search}`),
    placeholderData: keepPreviousData,
  });
}

// Every mutation here writes an audit entry, so each marks the audit log stale along with its own
// list. Returning the promise keeps the mutation pending until the lists are fresh, so a control
// showing the pending value never flips back to the old one in between.
function useInvalidate(...queryKeys: ReadonlyArray<readonly string[]>) {
  const queryClient = useQueryClient();
  return () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
