/**
 * Test hook for crash safety: `GONGWEN_FAULT=<point>` makes issue fail at that point as if the disk or
 * the machine had failed there. `<point>` throws (the process cleans up as it would on an error);
 * `kill:<point>` kills the process on the spot with SIGKILL (no cleanup at all, like a power cut).
 *
 * Points, in order: after-pdf (PDF/A made, nothing written), after-files (files in the temp folder),
 * before-rename (metadata written, lock held), after-register (the register names the new version,
 * its folder not yet renamed into place), after-rename (entry in place, lock still held).
 */

export const FAULT_POINTS = ["after-pdf", "after-files", "before-rename", "after-register", "after-rename"] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export class InjectedFault extends Error {
  constructor(readonly point: FaultPoint) {
    super(`injected fault at ${point} (GONGWEN_FAULT)`);
    this.name = "InjectedFault";
  }
}

export function fault(point: FaultPoint): void {
  const wanted = process.env.GONGWEN_FAULT;
  if (!wanted) return;
  if (wanted === `kill:${point}`) {
    process.kill(process.pid, "SIGKILL");
    // The signal lands asynchronously; block so not one more line of issue runs.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  }
  if (wanted === point) throw new InjectedFault(point);
}
