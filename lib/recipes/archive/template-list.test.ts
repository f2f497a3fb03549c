// The `.ims_recipe_template.yaml` shapes IMS recipes use, and the ones refused.
import { describe, expect, it } from "vitest";
import { parseTemplateList } from "./template-list";

describe("parseTemplateList", () => {
  it.each([
    ["the IMS documentation's example", "template_files:\n- config.xml\n", ["config.xml"]],
    [
      "an indented list with quotes and comments",
      "# files\ntemplate_files:   # all of them\n  - \"config.xml\"\n  - 'root/etc/motd'  # banner\n\n  - a#b\nother: 1\n",
      ["config.xml", "root/etc/motd", "a#b"],
    ],
    ["a flow list", "template_files: [config.xml, 'root/etc/motd']\n", ["config.xml", "root/etc/motd"]],
    ["an empty list", "template_files: []\n", []],
    ["a key with nothing under it", "template_files:\nother: x\n", []],
    ["CRLF line ends", "template_files:\r\n- config.xml\r\n", ["config.xml"]],
  ])("reads %s", (_name, text, files) => {
    expect(parseTemplateList(text)).toEqual({ files });
  });

  it.each([
    ["no template_files key", "files:\n- config.xml\n", /no template_files key/],
    ["a scalar", "template_files: config.xml\n", /must be a list/],
    ["a nested mapping", "template_files:\n  name: config.xml\n", /cannot read the line "name: config.xml"/],
    ["an empty item", "template_files:\n-\n", /empty item/],
  ])("refuses %s", (_name, text, problem) => {
    const r = parseTemplateList(text);
    expect("problem" in r && r.problem).toMatch(problem);
  });
});
