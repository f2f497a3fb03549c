// The public keys as a table: name, key type and fingerprint, created, delete.

import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { PublicKeyJson } from "@/lib/api-client/public-keys";
import { DeletePublicKeyButton } from "./delete-public-key-button";
import { KeySummary } from "./key-summary";

export function PublicKeysTable({ keys }: { keys: PublicKeyJson[] }) {
  return (
    <Table caption="Public keys">
      <THead>
        <Th>Name</Th>
        <Th>Key</Th>
        <Th>Created</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {keys.map((k) => (
          <Tr key={k.id}>
            <Td className="whitespace-nowrap font-medium text-slate-900">{k.name}</Td>
            <Td>
              <KeySummary publicKey={k.public_key} name={k.name} />
            </Td>
            <Td className="text-slate-600">
              <DateTime value={k.created} />
            </Td>
            <Td className="text-right">
              <DeletePublicKeyButton publicKey={k} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
