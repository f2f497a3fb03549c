"use client";
// Loads one page of public keys and shows the table, or the empty state.
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import { usePublicKeys } from "@/lib/queries/use-public-keys";
import { PublicKeysTable } from "./public-keys-table";

export function PublicKeysDataTable({ offset, onOffset }: { offset: number; onOffset: (offset: number) => void }) {
  const page = usePublicKeys({ limit: PAGE_SIZE, offset });

  usePageStepBack(page, offset, onOffset);
  const { data, error, isPending, isPlaceholderData } = page;

  if (isPending) return <LoadingState label="Loading public keys…" />;
  if (error) return <ErrorState error={error} title="Could not load public keys" />;
  if (data.total === 0) {
    return (
      <EmptyState title="No public keys yet">
        <p>
          Add an OpenSSH public key (ssh-ed25519, ssh-rsa, ecdsa-sha2-…) with the form. Jobs started with it let you log
          in to their build environment.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData}>
      <PublicKeysTable keys={data.items} />
      {data.total > PAGE_SIZE ? (
        <Pagination label="Public key pages" offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={onOffset} />
      ) : null}
    </div>
  );
}
