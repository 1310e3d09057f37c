import type { Frame, FormatId } from "../../document/frame.js";
import type { ColophonStyle } from "../frame/colophon.js";
import type { RenderContext } from "../primitives.js";
import type { BlockSpec, SectionDecoration } from "../spec.js";

/**
 * A format profile (GB/T 9704 §7, §10): how the frame's elements stand on the page. The body, the
 * 附件说明, the signature and the 版记's content are the same in every format; the 版头, the first
 * page's decoration and the 版记's style and place are the format's.
 */
export interface FormatProfile {
  readonly id: FormatId;
  /** The 版头 and the start of the 主体 on page 1, through the 主送机关 (or the space for the text). */
  head(frame: Frame, context: RenderContext): BlockSpec[];
  /** Decoration of the first section's pages (the 信函 format's first page has no number). */
  readonly firstDecoration: SectionDecoration;
  readonly colophonStyle: ColophonStyle;
  /** The 版记 on an even last page (printed two-sided, §7.4.1), or on whichever page is last. */
  readonly colophonOnEvenPage: boolean;
}
