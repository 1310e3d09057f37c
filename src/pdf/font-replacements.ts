/**
 * LibreOffice's font replacement table (Tools ▸ Options ▸ Fonts), written into the throw-away profile of
 * one conversion. Each pair is applied always: only faces found missing on this machine are listed, so
 * an installed licensed face is never replaced.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FontReplacement } from "../platform/fonts/font-report.js";

const escapeXml = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

const prop = (name: string, value: string) => `<prop oor:name="${name}" oor:op="fuse"><value>${escapeXml(value)}</value></prop>`;

export function replacementRegistry(pairs: readonly FontReplacement[]): string {
  const items = pairs.map(
    (pair, index) =>
      `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${index}" oor:op="replace">` +
      `${prop("Always", "true")}${prop("OnScreenOnly", "false")}${prop("ReplaceFont", pair.name)}${prop("SubstituteFont", pair.standIn)}</node></item>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop("Replacement", "true")}</item>`,
    ...items,
    "</oor:items>",
    "",
  ].join("\n");
}

/** `profile` is the folder given as -env:UserInstallation; LibreOffice reads its user/ subfolder. */
export function writeFontReplacements(profile: string, pairs: readonly FontReplacement[]): void {
  if (pairs.length === 0) return;
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), replacementRegistry(pairs));
}
