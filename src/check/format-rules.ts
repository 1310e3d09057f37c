/**
 * The special formats' own rules (GB/T 9704 §10) on the real layout. 信函 (§10.1): the organ's name
 * 30 mm from the paper's top edge, a red double line 4 mm under it (thick above thin) and another 20 mm
 * above the paper's bottom edge (thin above thick), both 170 mm long and centred, and no page number
 * on the first page. 命令 (§10.2) and 纪要 (§10.3): the red mark's top 20 mm and 35 mm under the 版心.
 */
import type { Element, FormatId } from "../draft/recognise.js";
import { inkBox, rasterPage } from "../pdf/ink.js";
import { findRules, type HorizontalRule } from "../pdf/rules.js";
import type { FindingInput } from "./finding.js";
import type { Layout } from "./layout-rules.js";

const MARK_TOP_MM = 30;
const BOTTOM_LINE_FROM_EDGE_MM = 20;
const LINE_LENGTH_MM = 170;
/** The two lines of a double line lie this close (centre to centre). */
const PAIR_GAP_MM = 2.5;
const TOLERANCE_MM = 1.5;

interface DoubleLine {
  readonly upper: HorizontalRule;
  readonly lower: HorizontalRule;
}

/** Red rules of at least half the line length, paired top to bottom. */
function doubleLines(rules: readonly HorizontalRule[]): DoubleLine[] {
  const red = rules.filter((r) => r.colour === "red" && r.x2Mm - r.x1Mm > LINE_LENGTH_MM / 2).sort((a, b) => a.yMm - b.yMm);
  const pairs: DoubleLine[] = [];
  for (let i = 0; i + 1 < red.length; i++) {
    if (red[i + 1]!.yMm - red[i]!.yMm <= PAIR_GAP_MM) {
      pairs.push({ upper: red[i]!, lower: red[i + 1]! });
      i++;
    }
  }
  return pairs;
}

/** The 版心's top edge, from the paper's top (§5.2.1). */
const TYPE_AREA_TOP_MM = 37;
const MARK_UNDER_TYPE_AREA_MM: Partial<Record<FormatId, number>> = { order: 20, minutes: 35 };

export async function formatRules(format: FormatId, elements: readonly Element[], pdf: string, layout: Layout): Promise<FindingInput[]> {
  if (format === "letter") return letterRules(elements, pdf, layout);
  const under = MARK_UNDER_TYPE_AREA_MM[format];
  const mark = elements.find((e) => e.role === "mark");
  if (under === undefined || !mark) return [];
  const clause = format === "order" ? "§10.2" : "§10.3";
  const raster = await rasterPage(pdf, 1, 150);
  const ink = inkBox(raster, 150, "red", { yFromMm: 15, yToMm: TYPE_AREA_TOP_MM + under + 30, xFromMm: 15, xToMm: 195 });
  if (!ink) {
    return [{ rule: `${format}-mark`, severity: "error", clause, element: "发文机关标志", measured: "第 1 页上部没有红色文字", wanted: "红色标志", zh: "标志不是红色", en: "the mark is not printed red", where: { page: 1, words: mark.text } }];
  }
  const measured = ink.yMinMm - TYPE_AREA_TOP_MM;
  if (Math.abs(measured - under) <= TOLERANCE_MM) return [];
  return [{ rule: `${format}-mark`, severity: "error", clause, element: "发文机关标志", measured: `上边缘距版心上边 ${measured.toFixed(1)} mm`, wanted: `上边缘距版心上边 ${under} mm`, zh: "标志位置不对", en: `the mark's upper edge must be ${under} mm under the type area`, where: { page: 1, words: mark.text } }];
}

async function letterRules(elements: readonly Element[], pdf: string, layout: Layout): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const pageHeight = layout.pageHeights[0] ?? 297;
  const mark = elements.find((e) => e.role === "mark");
  const rules = await findRules(pdf, { pages: [1] });
  const pairs = doubleLines(rules);
  const top = pairs.find((pair) => pair.lower.yMm < pageHeight / 2);
  const bottom = [...pairs].reverse().find((pair) => pair.upper.yMm > pageHeight / 2);
  const lengthOk = (pair: DoubleLine) => [pair.upper, pair.lower].every((r) => Math.abs(r.x2Mm - r.x1Mm - LINE_LENGTH_MM) <= 2 && Math.abs((r.x1Mm + r.x2Mm) / 2 - 105) <= 2);
  const describe = (pair: DoubleLine) => `${(pair.upper.x2Mm - pair.upper.x1Mm).toFixed(0)} mm 长，上线 ${pair.upper.thicknessMm.toFixed(2)} mm、下线 ${pair.lower.thicknessMm.toFixed(2)} mm`;

  // The organ's name: red ink above the first double line, the lines themselves left out.
  if (mark) {
    const raster = await rasterPage(pdf, 1, 150);
    const ink = inkBox(raster, 150, "red", { yFromMm: 5, yToMm: top ? top.upper.yMm - 1 : 80, xFromMm: 15, xToMm: 195 });
    if (!ink) {
      out.push({ rule: "letter-mark", severity: "error", clause: "§10.1", element: "发文机关标志", measured: "第 1 页上部没有红色文字", wanted: "红色发文机关标志", zh: "发文机关标志不是红色", en: "the organ's name is not printed red", where: { page: 1, words: mark.text } });
    } else if (Math.abs(ink.yMinMm - MARK_TOP_MM) > TOLERANCE_MM) {
      out.push({ rule: "letter-mark", severity: "error", clause: "§10.1", element: "发文机关标志", measured: `上边缘距纸张上边 ${ink.yMinMm.toFixed(1)} mm`, wanted: `上边缘距纸张上边 ${MARK_TOP_MM} mm`, zh: "信函格式的发文机关标志位置不对", en: `the organ's name must start ${MARK_TOP_MM} mm under the paper's top edge`, where: { page: 1, words: mark.text } });
    }
    if (ink && top && Math.abs(top.upper.yMm - ink.yMaxMm - 4) > TOLERANCE_MM + 1) {
      out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "版头红色双线", measured: `在标志下 ${(top.upper.yMm - ink.yMaxMm).toFixed(1)} mm`, wanted: "发文机关标志下 4 mm", zh: "上方红色双线位置不对", en: "the upper red double line is not 4 mm under the organ's name", where: { page: 1 } });
    }
  }
  if (!top) {
    out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "版头红色双线", measured: "标志下没有红色双线", wanted: "标志下 4 mm 处上粗下细的红色双线，长 170 mm", zh: "缺少标志下的红色双线", en: "the red double line under the organ's name is missing", where: { page: 1 } });
  } else {
    if (!lengthOk(top)) out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "版头红色双线", measured: describe(top), wanted: "长 170 mm，居中", zh: "上方红色双线长度或位置不对", en: "the upper red double line must be 170 mm long and centred", where: { page: 1 } });
    if (top.upper.thicknessMm <= top.lower.thicknessMm) out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "版头红色双线", measured: describe(top), wanted: "上粗下细", zh: "上方红色双线应上粗下细", en: "the upper red double line is thick above, thin below", where: { page: 1 } });
  }
  if (!bottom) {
    out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "页脚红色双线", measured: "首页下部没有红色双线", wanted: "距纸张下边 20 mm 处上细下粗的红色双线，长 170 mm", zh: "缺少首页下部的红色双线", en: "the red double line 20 mm above the paper's bottom edge is missing", where: { page: 1 } });
  } else {
    const fromEdge = pageHeight - bottom.lower.yMm;
    if (Math.abs(fromEdge - BOTTOM_LINE_FROM_EDGE_MM) > TOLERANCE_MM + 0.5) out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "页脚红色双线", measured: `距纸张下边 ${fromEdge.toFixed(1)} mm`, wanted: `距纸张下边 ${BOTTOM_LINE_FROM_EDGE_MM} mm`, zh: "下方红色双线位置不对", en: "the lower red double line is not 20 mm above the paper's bottom edge", where: { page: 1 } });
    if (!lengthOk(bottom)) out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "页脚红色双线", measured: describe(bottom), wanted: "长 170 mm，居中", zh: "下方红色双线长度或位置不对", en: "the lower red double line must be 170 mm long and centred", where: { page: 1 } });
    if (bottom.upper.thicknessMm >= bottom.lower.thicknessMm) out.push({ rule: "letter-double-line", severity: "error", clause: "§10.1", element: "页脚红色双线", measured: describe(bottom), wanted: "上细下粗", zh: "下方红色双线应上细下粗", en: "the lower red double line is thin above, thick below", where: { page: 1 } });
  }

  // No page number on the first page: nothing like 「— 1 —」 below the lower double line's area.
  const numbered = layout.lines.some((l) => l.page === 1 && l.yMin > pageHeight - 40 && /^[—\-–－]*\s*1\s*[—\-–－]*$/u.test(l.text));
  if (numbered) {
    out.push({ rule: "letter-first-page-number", severity: "error", clause: "§10.1", element: "页码", measured: "首页有页码", wanted: "首页不显示页码", zh: "信函格式首页不显示页码", en: "the 信函 format shows no page number on the first page", where: { page: 1 } });
  }
  return out;
}
