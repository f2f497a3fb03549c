"use client";
// The OpenSSH SHA256 fingerprint of a public key line, computed in the browser (null where Web
// Crypto is unavailable, e.g. a plain-http origin other than localhost).
import { useQuery } from "@tanstack/react-query";
import { sshFingerprint } from "@/lib/public-keys/fingerprint";
import { publicKeyKeys } from "./ims-keys";

export function useSshFingerprint(key: string) {
  return useQuery({
    queryKey: publicKeyKeys.fingerprint(key),
    queryFn: () => sshFingerprint(key),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
