import { expect } from "vitest";
import { GongwenError, type Diagnostic } from "../../src/errors.js";
import { formatPath } from "../../src/errors.js";

/** Runs `fn`, expects a GongwenError (never a crash of another kind) and returns its diagnostics. */
export function diagnosticsOf(fn: () => unknown): readonly Diagnostic[] {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof GongwenError)) throw new Error(`expected a GongwenError, got: ${(error as Error).stack ?? String(error)}`);
    return error.diagnostics;
  }
  throw new Error("expected the input to be refused");
}

export async function diagnosticsOfAsync(fn: () => Promise<unknown>): Promise<readonly Diagnostic[]> {
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof GongwenError)) throw new Error(`expected a GongwenError, got: ${(error as Error).stack ?? String(error)}`);
    return error.diagnostics;
  }
  throw new Error("expected the input to be refused");
}

/** `rule @ path` of each error, for compact assertions. */
export const summary = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity !== "warning").map((d) => `${d.rule} @ ${formatPath(d.path)}`);

export function expectBilingual(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(d.en).toMatch(/[a-z]/);
  }
}
