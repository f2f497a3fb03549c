// What goes into a unit file stays one word of one directive, whatever an operator or a request sent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discoveryIgnition } from "./discovery";
import { systemdQuote } from "./systemd-quote";

/** systemd's reading of one double-quoted word (C escapes; %% and, on command lines, $$). */
function unquote(word: string, commandLine: boolean): string {
  expect(word.startsWith('"') && word.endsWith('"')).toBe(true);
  const inner = word.slice(1, -1);
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "\\") {
      const next = inner[++i];
      if (next === "x") {
        out += String.fromCharCode(Number.parseInt(inner.slice(i + 1, i + 3), 16));
        i += 2;
      } else out += next;
    } else if (ch === "%" || (commandLine && ch === "$")) {
      expect(inner[i + 1]).toBe(ch); // a lone one would be expanded by systemd
      out += ch;
      i++;
    } else {
      expect(ch === '"' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f).toBe(false);
      out += ch;
    }
  }
  return out;
}

describe("systemdQuote", () => {
  it("round-trips any string as one word without raw control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (value, commandLine) => {
        const word = systemdQuote(value, { commandLine });
        expect(word).not.toMatch(/[\n\r]/);
        expect(unquote(word, commandLine)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a proxy URL with a newline from adding a directive to the agent unit", () => {
    const c = discoveryIgnition({
      infraEnvId: "6f1b0c3e-2d4a-4f7e-9a1b-0c2d3e4f5a6b",
      serviceUrl: 'http://console:8080 --debug"\nExecStartPre=/bin/sh -c "id"',
      agentToken: "t",
      cpuArchitecture: "x86_64",
      openshiftVersion: "4.14",
      proxy: { httpProxy: "http://proxy:3128\nExecStartPre=/bin/touch /pwned", noProxy: "a,b %n $HOME" },
      additionalNtpSources: "ntp1.example.com, evil\nserver attacker iburst",
    }) as {
      systemd: { units: { contents: string }[] };
      storage: { files: { path: string; contents: { source: string } }[] };
    };
    const unit = c.systemd.units[0].contents;
    const directives = unit.split("\n").map((l) => l.split("=")[0]);
    expect(directives.filter((d) => d.startsWith("ExecStart"))).toEqual(["ExecStart"]);
    expect(unit).toContain('--url "http://console:8080 --debug\\"\\x0aExecStartPre=/bin/sh -c \\"id\\""');
    expect(unit).toContain('Environment="no_proxy=a,b %%n $HOME"');
    const decode = (p: string) =>
      Buffer.from(c.storage.files.find((f) => f.path === p)!.contents.source.split(",")[1], "base64").toString();
    expect(decode("/etc/systemd/system.conf.d/10-archway-proxy.conf").split("\n")).toHaveLength(3);
    expect(decode("/etc/chrony.d/archway-ntp.conf")).toBe("server ntp1.example.com iburst\n");
  });
});
