"use client";
// One host beside its table: status with the reason, hostname and role to change, every
// validation with its sentence, and the full inventory it reported.
import { Dialog, DialogBody } from "@/components/ui/dialog";
import type { HostJson } from "@/lib/api-client/hosts";
import { hostnameOf, inventoryOf } from "./format";
import { HostInventory } from "./host-inventory";
import { HostSettingsForm } from "./host-settings-form";
import { HostValidations } from "./host-validations";
import { HostStatus } from "./hosts-table";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

export function HostDrawer({ host, onClose }: { host: HostJson | null; onClose: () => void }) {
  if (!host) return null;
  const inv = inventoryOf(host);
  return (
    <Dialog open onClose={onClose} variant="drawer" size="lg" title={`Host ${hostnameOf(host)}`}>
      <DialogBody>
        <HostStatus host={host} />
        <Section title="Settings">
          {/* Keyed by host, so switching hosts starts from that host's values. */}
          <HostSettingsForm key={host.id} host={host} />
        </Section>
        <Section title="Validations">
          <HostValidations host={host} />
        </Section>
        <Section title="Inventory">
          {inv ? (
            <HostInventory host={host} inventory={inv} />
          ) : (
            <p className="text-sm text-slate-500">The host has not sent its hardware inventory yet.</p>
          )}
        </Section>
      </DialogBody>
    </Dialog>
  );
}
