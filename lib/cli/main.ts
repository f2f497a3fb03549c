// The `archway` command: `token create --role R --name N [--expires-in-days D]` prints only the new
// token on stdout (so `TOKEN=$(npx archway token create …)` works); messages go to stderr.
import { parseArgs } from "node:util";
import { tokenCreateSchema } from "@/lib/auth/schemas";
import { createToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

const USAGE = `usage: archway token create --role viewer|operator|admin --name NAME [--expires-in-days DAYS]`;

export async function main(argv: string[]): Promise<number> {
  const [noun, verb, ...rest] = argv;
  if (noun !== "token" || verb !== "create") {
    console.error(USAGE);
    return 2;
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { role: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const days = values["expires-in-days"];
  const parsed = tokenCreateSchema.safeParse({
    name: values.name,
    role: values.role,
    expires_in_days: days === undefined ? undefined : Number(days),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0] ?? "")}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  try {
    // A console that has never started still gets its tables, so automation can be set up first.
    await migrate(env().databaseUrl);
    const { token } = await createToken({
      name: parsed.data.name,
      role: parsed.data.role,
      expiresInDays: parsed.data.expires_in_days,
      createdBy: "cli",
    });
    await db().auditEntry.create({
      data: { actor: "cli", action: "create", target: `token:${parsed.data.name}`, detail: `role ${parsed.data.role}` },
    });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (err) {
    console.error(`archway: ${(err as Error).message}`);
    return 1;
  } finally {
    await db().$disconnect();
  }
}
