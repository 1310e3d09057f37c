import type { FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { GRID, TYPE_AREA } from "./gbt9704.js";
import { NATURAL_CLOSING, splittable, type ClosingAdjustment } from "./closing.js";
import { breakParagraph, measureParagraph } from "./measure.js";
import type { PageFlow } from "./paginate.js";
import type { BlockSpec, ParagraphSpec } from "./spec.js";

/**
 * §7.3.5.5: when the closing unit (the 正文's last two lines, 附件说明, 署名, 成文日期, 附注) cannot stand
 * below the text and would leave more than two lines empty on the page before it, "调整行距、字距" rather
 * than leave a hole. In order, the first that puts the unit below the text wins:
 * 1. one blank line fewer above the 署名;
 * 2. the lines of that page (a paragraph running onto it from the page before is cut at the page's top)
 *    and of the unit set closer together,
 *    all at one scale no tighter than 85 % of the grid's, so the page still looks evenly set;
 * 3. besides, up to three body paragraphs of the page set a little narrower (w:w 96 % down to 90 %) so
 *    each ends one line sooner;
 * 4. the same down to 75 % line spacing.
 * The mirror step, "fill": when the unit moving on leaves the page before it one or two lines short
 * (allowed, but the page could be full), up to two body paragraphs of that page are set a little wider
 * (w:w 102 % up to 108 %) so each takes one line more, and the page ends on its 22nd line while two lines
 * of text still go with the unit. Nothing fits: the page stays as it was (20 or 21 lines are allowed).
 */

export interface ClosingFit {
  readonly closing: ClosingAdjustment;
  /** Paragraphs set narrower, each one line shorter: their horizontal scale in per cent. */
  readonly tightened: ReadonlyMap<ParagraphSpec, number>;
  /** The page the fit was made on (its lines may hold more than 28 characters). */
  readonly page: number;
  /** Paragraphs set wider to fill the page, each one line longer: their horizontal scale in per cent. */
  readonly widened?: ReadonlyMap<ParagraphSpec, number>;
  /** Pages holding widened lines (fewer than 28 characters by design): the filled page, and the unit's when its text lines are widened too. */
  readonly widenedPages?: readonly number[];
}

export interface FitAttempt {
  readonly flow: PageFlow;
  readonly unit: readonly ParagraphSpec[];
  /** The body as laid out above the unit, index for index the body pieces. */
  readonly body: readonly FlowPiece[];
}

/** The most a page may end early before the closing unit: "filled to at least 20 of its 22 lines". */
const ALLOWED_HOLE_TWIPS = 2 * GRID.linePitchTwips;
/**
 * A page whose last line sits a few twips off the grid (a heading's spacing, a table's rules) still holds
 * 20 lines; only a whole third line free is a hole.
 */
const HOLE_TOLERANCE_TWIPS = Math.round(GRID.linePitchTwips / 4);
/** Line spacing tighter than this starts to show; narrower characters are tried first. */
const PREFERRED_MIN_SCALE = 0.85;
/** The tightest the lines are ever set. */
const MIN_SCALE = 0.75;
const NARROWER = [96, 94, 92, 90] as const;
const MAX_TIGHTENED = 3;
/** Kept free below a squeezed page: editors round exact line heights, and a twip too many moves the unit. */
const ROUNDING_SLACK_TWIPS = 40;

interface Hole {
  /** The page left with the hole (the unit starts the next one). */
  readonly page: number;
  readonly freeTwips: number;
  readonly unitIndex: number;
}

function unitIndexIn(flow: PageFlow, unit: readonly ParagraphSpec[]): number {
  return flow.blocks.findIndex((block) => block.kind === "paragraph" && block.spec === unit[0]);
}

/** The room left at the foot of the page before the unit, when the unit starts a page. */
function freeBefore(flow: PageFlow, unit: readonly ParagraphSpec[]): Hole | undefined {
  if (unit.length === 0) return undefined;
  const unitIndex = unitIndexIn(flow, unit);
  const placed = flow.blocks[unitIndex];
  if (!placed || placed.kind !== "paragraph" || unitIndex <= 0) return undefined;
  const start = placed.lines[0];
  if (!start || start.yTwips > 0) return undefined;
  let used = 0;
  for (const block of flow.blocks.slice(0, unitIndex)) {
    if (block.kind === "paragraph") for (const line of block.lines) if (line.page === start.page - 1) used = Math.max(used, line.yTwips + line.heightTwips);
    if (block.kind === "table") for (const row of block.rows) if (row.page === start.page - 1) used = Math.max(used, row.yTwips + row.heightTwips);
  }
  return used === 0 ? undefined : { page: start.page - 1, freeTwips: TYPE_AREA.heightTwips - used, unitIndex };
}

function holeBefore(flow: PageFlow, unit: readonly ParagraphSpec[]): Hole | undefined {
  const free = freeBefore(flow, unit);
  return free && free.freeTwips > ALLOWED_HOLE_TWIPS + HOLE_TOLERANCE_TWIPS ? free : undefined;
}

function narrowed(spec: ParagraphSpec, scalePercent: number): ParagraphSpec {
  return { ...spec, runs: spec.runs.map((run) => (run.kind === "text" ? { ...run, scalePercent } : run)) };
}

/** Body paragraphs wholly on the page, each with the least narrowing that saves it a line. */
function tightenable(flow: PageFlow, hole: Hole): [ParagraphSpec, number][] {
  const out: [ParagraphSpec, number][] = [];
  for (const block of flow.blocks.slice(0, hole.unitIndex)) {
    if (block.kind !== "paragraph" || block.spec.style !== ELEMENT_STYLES.body.id || block.lines.length < 2) continue;
    if (!block.lines.every((line) => line.page === hole.page)) continue;
    const scale = NARROWER.find((percent) => breakParagraph(narrowed(block.spec, percent), TYPE_AREA.widthTwips).length < block.lines.length);
    if (scale !== undefined) out.push([block.spec, scale]);
  }
  // The least narrowing first: it shows least.
  return out.sort((a, b) => b[1] - a[1]);
}

/**
 * The body pieces on the hole's page, right up to the unit: where the run starts in the body and the
 * height it takes. A paragraph running onto the page from the one before is cut at the page's top so its
 * lines on the page join the run; a table stops the run (its rows are fixed).
 */
interface Compressible {
  readonly from: number;
  readonly splitAt?: { readonly index: number; readonly lines: number };
  readonly heightTwips: number;
}

function compressible(attempt: FitAttempt, page: number): Compressible | undefined {
  const { flow } = attempt;
  const unitIndex = unitIndexIn(flow, attempt.unit);
  let first = unitIndex;
  while (first > 0) {
    const block = flow.blocks[first - 1]!;
    if (block.kind !== "paragraph" || block.lines.length === 0 || block.lines[0]!.page !== page) break;
    first--;
  }
  const end = flow.blocks[unitIndex - 1];
  if (end?.kind !== "paragraph") return undefined;
  const last = end.lines[end.lines.length - 1]!;
  const bottom = last.yTwips + last.heightTwips;
  const runningOn = flow.blocks[first - 1];
  if (runningOn?.kind === "paragraph" && splittable(runningOn.spec) && runningOn.lines.some((line) => line.page === page)) {
    const index = attempt.body.findIndex((piece) => piece === runningOn.spec);
    const onPage = runningOn.lines.filter((line) => line.page === page);
    if (index >= 0) return { from: index + 1, splitAt: { index, lines: runningOn.lines.length - onPage.length }, heightTwips: bottom - onPage[0]!.yTwips };
  }
  if (first === unitIndex) return undefined;
  const start = flow.blocks[first]!;
  const from = attempt.body.findIndex((piece) => piece === start.spec);
  if (from < 0 || start.kind !== "paragraph") return undefined;
  return { from, heightTwips: bottom - start.lines[0]!.yTwips };
}

export function fitClosing(natural: FitAttempt, attempt: (fit: ClosingFit) => FitAttempt, unitHeight: (fit: ClosingFit) => number): ClosingFit | undefined {
  const hole = holeBefore(natural.flow, natural.unit);
  if (!hole) return undefined;
  const candidates = tightenable(natural.flow, hole);
  const fits = (fit: ClosingFit) => {
    const tried = attempt(fit);
    const placed = tried.flow.blocks[unitIndexIn(tried.flow, tried.unit)];
    return placed?.kind === "paragraph" && placed.lines[0]?.page === hole.page;
  };
  const squeeze = (tightened: ReadonlyMap<ParagraphSpec, number>, minScale: number): ClosingFit | undefined => {
    const plain: ClosingFit = { closing: { fewerBlankLines: 1, scale: 1 }, tightened, page: hole.page };
    if (fits(plain)) return plain;
    const tried = attempt(plain);
    const page = compressible(tried, hole.page);
    const unit = unitHeight(plain);
    const used = page?.heightTwips ?? 0;
    // Free room: the hole, less what the narrowed paragraphs gave back (measured on the tried flow).
    const placedUnit = tried.flow.blocks[unitIndexIn(tried.flow, tried.unit)];
    if (placedUnit?.kind !== "paragraph") return undefined;
    const freeTwips = holeBefore(tried.flow, tried.unit)?.freeTwips ?? hole.freeTwips;
    const scale = Math.floor(((used + freeTwips - ROUNDING_SLACK_TWIPS) / (used + unit)) * 1000) / 1000;
    if (scale < minScale || scale >= 1) return undefined;
    const squeezed: ClosingFit = {
      closing: { fewerBlankLines: 1, scale, ...(page ? { compressFrom: page.from, ...(page.splitAt ? { splitAt: page.splitAt } : {}) } : {}) },
      tightened,
      page: hole.page,
    };
    return fits(squeezed) ? squeezed : undefined;
  };
  for (const minScale of [PREFERRED_MIN_SCALE, MIN_SCALE]) {
    for (let count = 0; count <= Math.min(MAX_TIGHTENED, candidates.length); count++) {
      const fit = squeeze(new Map(candidates.slice(0, count)), minScale);
      if (fit) return fit;
    }
  }
  return undefined;
}

export function unitHeightTwips(unit: readonly BlockSpec[]): number {
  return unit.reduce((sum, spec) => sum + (spec.kind === "paragraph" ? measureParagraph(spec, TYPE_AREA.widthTwips).heightTwips : 0), 0);
}

export function applyTightening(pieces: readonly BlockSpec[], tightened: ReadonlyMap<ParagraphSpec, number>): BlockSpec[] {
  if (tightened.size === 0) return [...pieces];
  return pieces.map((piece) => {
    if (piece.kind !== "paragraph") return piece;
    const scale = tightened.get(piece);
    return scale === undefined ? piece : narrowed(piece, scale);
  });
}

/** Wider steps tried in turn: the first that costs a paragraph one more line is the one set. */
const WIDER = [102, 104, 106, 108] as const;
const MAX_WIDENED = 2;

/**
 * The fill: the page before the unit ends one or two lines short only because the unit (with its two
 * lines of text) moved on. Widening a paragraph on that page by a few per cent makes it one line longer,
 * so that many paragraphs fill the page exactly; it changes no text and no line spacing. `source` is the
 * body before the unit was split off, index for index `natural.body` (the fit's maps are keyed by its
 * pieces, as `tightened` is).
 */
export function fillClosing(natural: FitAttempt, source: readonly FlowPiece[], attempt: (fit: ClosingFit) => FitAttempt): ClosingFit | undefined {
  const free = freeBefore(natural.flow, natural.unit);
  if (!free) return undefined;
  const short = Math.round(free.freeTwips / GRID.linePitchTwips);
  // More than two lines free is a hole (fitClosing's); a few twips off the grid is a full page already.
  if (short < 1 || short > MAX_WIDENED || free.freeTwips > ALLOWED_HOLE_TWIPS + HOLE_TOLERANCE_TWIPS) return undefined;
  const before = natural.flow.blocks[free.unitIndex - 1];
  // The unit moved on from right below the text: anything else (a table, a page break) is not ours to fill.
  if (before?.kind !== "paragraph" || before.lines.at(-1)?.page !== free.page) return undefined;
  const candidates = widenable(natural, source, free);
  const unitPage = free.page + 1;
  const fills = (fit: ClosingFit) => {
    const tried = attempt(fit);
    const placed = tried.flow.blocks[unitIndexIn(tried.flow, tried.unit)];
    const left = freeBefore(tried.flow, tried.unit);
    return placed?.kind === "paragraph" && placed.lines[0]?.page === unitPage && left?.page === free.page && left.freeTwips <= HOLE_TOLERANCE_TWIPS;
  };
  // A paragraph cut to give the unit its text lines: widened, those lines stand wider on the unit's page too.
  const cut = source.find((piece, index) => piece !== natural.body[index] && index < natural.body.length);
  for (const chosen of combinations(candidates, short)) {
    const widened = new Map(chosen);
    const fit: ClosingFit = { closing: NATURAL_CLOSING, tightened: new Map(), page: free.page, widened, widenedPages: cut?.kind === "paragraph" && widened.has(cut) ? [free.page, unitPage] : [free.page] };
    if (fills(fit)) return fit;
  }
  return undefined;
}

/**
 * Body paragraphs wholly on the page (headings never: they keep their set width), each with the least
 * widening that makes it exactly one line longer, measured as the layout measures them.
 */
function widenable(natural: FitAttempt, source: readonly FlowPiece[], free: Hole): [ParagraphSpec, number][] {
  const out: [ParagraphSpec, number][] = [];
  natural.flow.blocks.slice(0, free.unitIndex).forEach((block) => {
    if (block.kind !== "paragraph" || block.spec.style !== ELEMENT_STYLES.body.id || block.lines.length === 0) return;
    if (!block.lines.every((line) => line.page === free.page)) return;
    const index = natural.body.indexOf(block.spec);
    const piece = source[index];
    if (index < 0 || piece?.kind !== "paragraph") return;
    // Laid out whole on the page, its lines are known; a paragraph the closing cut is measured whole.
    const lines = piece === block.spec ? block.lines.length : breakParagraph(piece, TYPE_AREA.widthTwips).length;
    for (const percent of WIDER) {
      const widenedLines = breakParagraph(narrowed(piece, percent), TYPE_AREA.widthTwips).length;
      if (widenedLines === lines) continue;
      if (widenedLines === lines + 1) out.push([piece, percent]);
      break;
    }
  });
  return out;
}

/** Every choice of `count` candidates, the least widening first (the widest step, then the sum), else in text order. */
function combinations(candidates: readonly [ParagraphSpec, number][], count: number): [ParagraphSpec, number][][] {
  const out: [ParagraphSpec, number][][] = [];
  const pick = (from: number, chosen: [ParagraphSpec, number][]) => {
    if (chosen.length === count) return void out.push(chosen);
    for (let i = from; i < candidates.length; i++) pick(i + 1, [...chosen, candidates[i]!]);
  };
  pick(0, []);
  const widest = (c: [ParagraphSpec, number][]) => Math.max(...c.map(([, s]) => s));
  const sum = (c: [ParagraphSpec, number][]) => c.reduce((total, [, s]) => total + s, 0);
  // Array.prototype.sort is stable: ties keep text order, so the choice is deterministic.
  return out.sort((a, b) => widest(a) - widest(b) || sum(a) - sum(b));
}
