"use client";
// The users list, and the create, role-change and delete mutations that refresh it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createUser, deleteUser, listUsers, setUserRole } from "@/lib/api-client/accounts";
import { accountKeys } from "./keys";

export const useUsers = () => useQuery({ queryKey: accountKeys.users, queryFn: listUsers });

function useUsersMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export const useCreateUser = () => useUsersMutation(createUser);
export const useSetUserRole = () =>
  useUsersMutation(({ id, role }: { id: string; role: string }) => setUserRole(id, role));
export const useDeleteUser = () => useUsersMutation(deleteUser);
