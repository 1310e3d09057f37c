import { describe, expect, it } from "vitest";
import { NameClaims } from "../../src/batch/name-claims.js";

describe("output name claims", () => {
  it("grants a free name and refuses it to a later input", async () => {
    const claims = new NameClaims();
    expect(await claims.claim("青政务〔2022〕3号.docx", 0, "a.yaml")).toEqual({ granted: true });
    claims.release("青政务〔2022〕3号.docx", 0);
    expect(await claims.claim("青政务〔2022〕3号.docx", 5, "f.yaml")).toEqual({ granted: false, owner: "a.yaml" });
    expect(claims.lostTo(0)).toBeUndefined();
  });

  it("lets the earlier input win even when a later one finished first", async () => {
    const claims = new NameClaims();
    await claims.claim("X.docx", 3, "d.yaml");
    claims.release("X.docx", 3);
    expect(await claims.claim("X.docx", 1, "b.yaml")).toEqual({ granted: true });
    expect(claims.lostTo(3)).toBe("b.yaml");
  });

  it("makes an earlier input wait until the later one's write is over, so two writes never race", async () => {
    const claims = new NameClaims();
    await claims.claim("X.docx", 3, "d.yaml");
    let answered = false;
    const earlier = claims.claim("X.docx", 1, "b.yaml").then((answer) => ((answered = true), answer));
    const middle = claims.claim("X.docx", 2, "c.yaml");
    await Promise.resolve();
    expect(answered).toBe(false);
    claims.release("X.docx", 3);
    expect(await earlier).toEqual({ granted: true });
    expect(await middle).toEqual({ granted: false, owner: "b.yaml" });
    expect(claims.lostTo(3)).toBe("b.yaml");
  });

  it("compares names without case, as Windows and macOS folders do", async () => {
    const claims = new NameClaims();
    await claims.claim("ABC〔2022〕1号.docx", 0, "a.yaml");
    expect(await claims.claim("abc〔2022〕1号.docx", 1, "b.yaml")).toEqual({ granted: false, owner: "a.yaml" });
  });
});
