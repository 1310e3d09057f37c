import type { FormatId } from "../../document/frame.js";
import { fileFormat } from "./file.js";
import type { FormatProfile } from "./format.js";
import { letterFormat } from "./letter.js";
import { minutesFormat } from "./minutes.js";
import { orderFormat } from "./order.js";

export const FORMATS: { readonly [F in FormatId]: FormatProfile } = {
  file: fileFormat,
  letter: letterFormat,
  order: orderFormat,
  minutes: minutesFormat,
};

export type { FormatProfile } from "./format.js";
