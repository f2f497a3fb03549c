// Jinja2 variables found in text, including expressions split across stream chunks.
import { describe, expect, it } from "vitest";
import { findTemplateVars, scanTemplateVars } from "./template-vars";

describe("template variables", () => {
  it.each([
    ["{{ A }} {{B}} {{-C-}} {{ D | lower }} {{ E.attr }} {{ F[0] }} {{ G(1) }}", ["A", "B", "C", "D", "E", "F", "G"]],
    ["{{ 'literal' }} {{ 1 + 2 }} { { H }} {{ unterminated", []],
    ["{% if X %}{{ Y }}{% endif %}", ["Y"]],
  ])("finds the variables in %s", (text, vars) => {
    expect([...findTemplateVars(text)]).toEqual(vars);
  });

  it("finds expressions split across chunks, at every split point", () => {
    const text = Buffer.from('<repository alias="csm-{{ CSM_RELEASE_VERSION }}-sle-{{SLE_VERSION}}"/>');
    for (let cut = 1; cut < text.length; cut++) {
      let found: string[] = [];
      const sink = scanTemplateVars((v) => (found = [...v]));
      sink.write(text.subarray(0, cut));
      sink.write(text.subarray(cut));
      sink.end();
      expect(found, `cut at ${cut}`).toEqual(["CSM_RELEASE_VERSION", "SLE_VERSION"]);
    }
  });

  it("reports nothing for a file without variables", () => {
    let called = false;
    const sink = scanTemplateVars(() => (called = true));
    sink.write(Buffer.from("plain { text } here"));
    sink.end();
    expect(called).toBe(false);
  });
});
