// An infra-env's agent token: the secret its discovery ISO carries and its hosts present in
// X-Secret-Key. Made with the infra-env; rows from before that get theirs at their first image.
import "server-only";
import { randomBytes } from "node:crypto";
import { seal } from "@/lib/secrets/secrets";

/** A new agent token, sealed as it is stored. */
export const newAgentToken = () => seal(randomBytes(24).toString("base64url"));
