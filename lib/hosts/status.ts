// The one host-status vocabulary, spelled as assisted-service spells it: a host bound to a cluster is
// discovering | known | insufficient | disconnected; a host only in an infra-env (late binding) has
// the same states with `-unbound`. The validations write these, the console words and colours them
// from here, so nothing else compares status strings.
export const BASE_STATUSES = ["discovering", "known", "insufficient", "disconnected"] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];
export type HostStatus = BaseStatus | `${BaseStatus}-unbound`;

const UNBOUND = "-unbound";

export function hostStatus(base: BaseStatus, bound: boolean): HostStatus {
  return bound ? base : `${base}${UNBOUND}`;
}

/** The state without the binding: `known-unbound` → `known`; null for anything else. */
export function baseStatus(status: string): BaseStatus | null {
  const base = status.endsWith(UNBOUND) ? status.slice(0, -UNBOUND.length) : status;
  return (BASE_STATUSES as readonly string[]).includes(base) ? (base as BaseStatus) : null;
}

export const isKnown = (status: string) => baseStatus(status) === "known";

/** Every spelling of a state, for queries (`status IN (...)`). */
export const spellings = (base: BaseStatus): HostStatus[] => [base, `${base}${UNBOUND}`];

/** Every status a host can have, bound and unbound. */
export const HOST_STATUSES: readonly HostStatus[] = BASE_STATUSES.flatMap(spellings);

const LABEL: Record<BaseStatus, string> = {
  discovering: "Discovering",
  known: "Known",
  insufficient: "Insufficient",
  disconnected: "Disconnected",
};

/** What the console shows: "Known", or "Known (unbound)" for a host not yet bound to a cluster. */
export function statusLabel(status: string): string {
  const base = baseStatus(status);
  if (!base) return status;
  return status.endsWith(UNBOUND) ? `${LABEL[base]} (unbound)` : LABEL[base];
}

const TONE = { discovering: "info", known: "success", insufficient: "warning", disconnected: "danger" } as const;

/** The badge colour of a status (a components/ui/badge tone). */
export function statusTone(status: string): (typeof TONE)[BaseStatus] | "neutral" {
  const base = baseStatus(status);
  return base ? TONE[base] : "neutral";
}
