import { describe, expect, it } from "vitest";
import { GongwenError } from "../../src/errors.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { nextYearDraft } from "../../src/model/next-year.js";
import { sampleWith } from "../helpers/data.js";

function problems(text: string) {
  try {
    parseDocumentText(text, "x.yaml");
  } catch (e) {
    return (e as GongwenError).diagnostics.filter((d) => d.severity !== "warning").map((d) => ({ path: d.path?.join("."), rule: d.rule, zh: d.zh }));
  }
  return [];
}

describe("文号 bounds and messages", () => {
  it("refuses a huge serial and year 0000 in the written form (printed 1e+21号 and 〔0〕 before)", () => {
    expect(problems(sampleWith([[["envelope", "docNumber"], "青政务〔2022〕1000000000000000000000号"]]))).toContainEqual(
      expect.objectContaining({ path: "envelope.docNumber", rule: "docno-serial" }),
    );
    expect(problems(sampleWith([[["envelope", "docNumber"], "青政务〔0000〕3号"]]))).toContainEqual(
      expect.objectContaining({ path: "envelope.docNumber", rule: "year-range" }),
    );
    expect(problems(sampleWith([[["envelope", "docNumber", "serial"], 2022000003]]))).toContainEqual(
      expect.objectContaining({ path: "envelope.docNumber.serial", rule: "docno-serial" }),
    );
    expect(problems(sampleWith([[["content", "assessment", "basis", "number"], "国办发〔0000〕5号"]]))).toContainEqual(
      expect.objectContaining({ rule: "year-range" }),
    );
  });

  it("a missing field inside the 文号 reads as missing, not as 'received object'", () => {
    expect(problems(sampleWith([[["envelope", "docNumber", "serial"], undefined]]))).toEqual([
      expect.objectContaining({ path: "envelope.docNumber.serial", rule: "required", zh: "缺少必填字段" }),
    ]);
  });

  it("new --from keeps every digit of a long serial (then validation names it)", () => {
    const text = sampleWith([[["envelope", "docNumber"], "青政务〔2022〕1000000000000000000000号"]]);
    expect(nextYearDraft(text, "x.yaml")).toContain("青政务〔2023〕1000000000000000000001号");
  });
});

describe("unknown fields", () => {
  it("suggest the nearest known name", () => {
    const text = sampleWith([[["envelope", "signedon"], "2022-01-27"]]);
    expect(problems(text)).toContainEqual(expect.objectContaining({ path: "envelope.signedon", rule: "unknown-field", zh: expect.stringContaining("是否应为 signedOn") }));
    const far = sampleWith([[["envelope", "zzzzzzzz"], 1]]);
    expect(problems(far).find((p) => p.path === "envelope.zzzzzzzz")?.zh).not.toContain("是否应为");
  });
});
