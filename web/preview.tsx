import type { LineItem, Page, Path, Span } from "./api.js";

/**
 * The live preview: A4 pages drawn from the server's page model (the same laid-out specs and the same
 * pagination estimate the .docx is written from). Nothing is measured here: each line stands where
 * the layout put it, justified across its width as Word and LibreOffice justify it.
 */

/** Screen pixels per twip: an A4 page 595 px wide. */
export const SCALE = 595 / 11906;
const px = (twips: number) => `${(twips * SCALE).toFixed(2)}px`;

function spans(list: readonly Span[]) {
  return list.map((span, index) => (
    <span key={index} style={{ fontFamily: span.font, color: span.colour }}>
      {span.text}
    </span>
  ));
}

const startsWith = (path: Path | undefined, prefix: Path | undefined) =>
  path !== undefined && prefix !== undefined && prefix.length > 0 && prefix.every((segment, index) => String(segment) === String(path[index]));

function Line(props: { item: LineItem; highlighted: boolean; onPick: (item: LineItem) => void }) {
  const { item } = props;
  return (
    <div
      class={`pv-line${item.align === "justify" ? " justify" : ""}${props.highlighted ? " hl" : ""}`}
      data-block={item.block}
      data-path={item.path ? item.path.map(String).join(".") : undefined}
      data-source-line={item.sourceLine}
      onClick={() => props.onPick(item)}
      style={{
        left: px(item.x),
        top: px(item.y),
        width: px(item.width),
        height: px(item.height),
        lineHeight: px(item.height),
        fontSize: px(item.sizePt * 20),
        textAlign: item.align === "justify" ? "justify" : item.align,
      }}
    >
      {spans(item.spans)}
      {item.right ? <span class="pv-right">{spans(item.right)}</span> : null}
    </div>
  );
}

export function Preview(props: {
  pages: readonly Page[];
  highlight?: { path?: Path; block?: number };
  onPick: (item: LineItem) => void;
}) {
  const { highlight } = props;
  const isHighlighted = (item: LineItem) =>
    highlight?.block !== undefined ? item.block === highlight.block : startsWith(item.path, highlight?.path) || startsWith(highlight?.path, item.path);
  return (
    <div class="pv-pages">
      {props.pages.map((page) => (
        <div class="pv-page" key={page.number} data-page={page.number} style={{ width: px(page.widthTwips), height: px(page.heightTwips) }}>
          {page.items.map((item, index) =>
            item.kind === "line" ? (
              <Line key={index} item={item} highlighted={isHighlighted(item)} onPick={props.onPick} />
            ) : (
              <div
                key={index}
                class="pv-rule"
                style={{
                  left: px(item.x),
                  top: px(item.y),
                  width: item.vertical ? px(item.thickness) : px(item.width),
                  height: item.vertical ? px(item.width) : px(item.thickness),
                  background: item.colour,
                }}
              />
            ),
          )}
          {page.pageNumber ? (
            <div
              class="pv-number"
              style={{
                left: px(page.pageNumber.x),
                top: px(page.pageNumber.yCentre - page.pageNumber.sizePt * 10),
                width: px(page.pageNumber.width),
                fontSize: px(page.pageNumber.sizePt * 20),
                lineHeight: px(page.pageNumber.sizePt * 20),
                textAlign: page.pageNumber.align,
              }}
            >
              {page.pageNumber.text}
            </div>
          ) : null}
          <div class="pv-page-label">{page.number}</div>
        </div>
      ))}
    </div>
  );
}
