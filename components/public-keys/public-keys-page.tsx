"use client";
// The Public keys page: the keys jobs can install for SSH access, and a form to add one.
import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { AddPublicKeyForm } from "./add-public-key-form";
import { PublicKeysDataTable } from "./public-keys-data-table";

export function PublicKeysPage() {
  const [offset, setOffset] = useState(0);
  return (
    <>
      <PageHeader
        title="Public keys"
        description="SSH public keys that create and customize jobs install, so you can log in to a job's build environment."
      />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          <PublicKeysDataTable offset={offset} onOffset={setOffset} />
        </div>
        <div className="self-start">
          <AddPublicKeyForm onAdded={() => setOffset(0)} />
        </div>
      </div>
    </>
  );
}
