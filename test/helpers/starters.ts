import { join } from "node:path";
import { ROOT } from "./paths.js";

/** The starter data files shipped in data/, one per format and shape a clerk starts from. */
export const STARTERS = {
  notice: join(ROOT, "data", "notice-with-table.yaml"),
  letter: join(ROOT, "data", "letter.yaml"),
  minutes: join(ROOT, "data", "minutes.yaml"),
  request: join(ROOT, "data", "request.yaml"),
  bulletin: join(ROOT, "data", "bulletin-without-colophon.yaml"),
  order: join(ROOT, "data", "order.yaml"),
} as const;

export type StarterName = keyof typeof STARTERS;
