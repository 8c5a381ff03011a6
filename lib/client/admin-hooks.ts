// TanStack Query hooks for the user, API token and audit routes: the UI's only door to that data.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTokenRequest, CreateUserRequest, UpdateUserRequest } from "@/lib/auth/api-schema";
import { api, dataOf, withoutEmpty } from "./api-client";

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
    queryFn: () => dataOf(api.GET("/api/users", { params: { query: { page, page_size: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  return useMutation({
    mutationFn: (user: CreateUserRequest) => dataOf(api.POST("/api/users", { body: user })),
    onSuccess: useInvalidate(userKeys.all, auditKeys.all),
  });
}

export function useUpdateUser() {
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      dataOf(api.PATCH("/api/users/{id}", { params: { path: { id } }, body: changes })),
    onSuccess: useInvalidate(userKeys.all, auditKeys.all),
  });
}

export function useTokens(all: boolean) {
  return useQuery({
    queryKey: tokenKeys.list(all),
    queryFn: () => dataOf(api.GET("/api/tokens", { params: { query: { all: all ? "true" : "false" } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  return useMutation({
    mutationFn: (token: CreateTokenRequest) => dataOf(api.POST("/api/tokens", { body: token })),
    onSuccess: useInvalidate(tokenKeys.all, auditKeys.all),
  });
}

export function useRevokeToken() {
  return useMutation({
    mutationFn: (id: string) => dataOf(api.DELETE("/api/tokens/{id}", { params: { path: { id } } })),
    onSuccess: useInvalidate(tokenKeys.all, auditKeys.all),
  });
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => dataOf(api.GET("/api/audit", { params: { query: withoutEmpty({ ...filters, page_size: 50 }) } })),
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
