import { render } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, download, get, post, type Diagnostic, type Evaluation, type Info, type LineItem, type Page, type Path, type ReportItem, type Started } from "./api.js";
import { Field, pathKey, setAt, type Schema } from "./form.js";
import { Preview } from "./preview.js";

/**
 * The editor page: a start screen (kind and format; the sample, a blank, a starter, next year's draft,
 * a file of the folder; a Word draft imported as `gongwen import` does), then the form and body on the left and the live A4
 * preview on the right, with save, downloads, compare and issue above. Chinese first, English beside.
 */

interface Draft {
  file: string;
  text: string;
  data: unknown;
  existing: boolean;
}

/** How long the clerk pauses before LibreOffice lays the draft out on its own (true layout). */
const TRUE_LAYOUT_PAUSE_MS = 2500;

function Start(props: { info: Info; onStarted: (started: Started) => void }) {
  const { info } = props;
  const [format, setFormat] = useState("file");
  const [starter, setStarter] = useState(info.starters[1]?.name ?? "notice");
  const [file, setFile] = useState(info.files[0] ?? "");
  const [word, setWord] = useState(info.drafts[0] ?? "");
  const [error, setError] = useState<string>();
  const start = async (request: unknown) => {
    setError(undefined);
    try {
      props.onStarted(await post<Started>("/api/start", request));
    } catch (e) {
      const more = e instanceof ApiError ? e.diagnostics.slice(1).map((d) => `；${d.zh} / ${d.en}`).join("") : "";
      setError(e instanceof ApiError ? `${e.zh} / ${e.en}${more}` : String(e));
    }
  };
  /** An uploaded .docx goes as base64 in the JSON request (the server bounds its size). */
  const upload = async (picked: File | undefined) => {
    if (!picked) return;
    const bytes = new Uint8Array(await picked.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    await start({ from: "word", file: picked.name, content: btoa(binary) });
  };
  return (
    <div class="start">
      <h1>
        公文编辑器 <span class="en">gongwen editor</span>
      </h1>
      <p class="muted">
        文件夹 / folder: <code>{info.folder}</code>
      </p>
      <div class="start-grid">
        <section>
          <h2>样例 / the sample</h2>
          <p>考核情况通报（青政务〔2022〕3号）/ the assessment circular</p>
          <button id="start-sample" onClick={() => start({ from: "sample" })}>
            从样例开始 / start from the sample
          </button>
        </section>
        <section>
          <h2>空白 / blank</h2>
          <label>
            种类 / kind{" "}
            <select disabled>
              {info.kinds
                .filter((kind) => kind.id === "general")
                .map((kind) => (
                  <option key={kind.id}>
                    {kind.label.zh} / {kind.label.en}
                  </option>
                ))}
            </select>
          </label>
          <label>
            版式 / format{" "}
            <select id="blank-format" value={format} onChange={(event) => setFormat(event.currentTarget.value)}>
              {info.formats.map((f) => (
                <option key={f} value={f}>
                  {{ file: "文件格式", letter: "信函格式", order: "命令格式", minutes: "纪要格式" }[f] ?? f} / {f}
                </option>
              ))}
            </select>
          </label>
          <button id="start-blank" onClick={() => start({ from: "blank", format })}>
            新建空白 / blank
          </button>
        </section>
        <section>
          <h2>起始文件 / a starter</h2>
          <select id="starter" value={starter} onChange={(event) => setStarter(event.currentTarget.value)}>
            {info.starters.map((s) => (
              <option key={s.name} value={s.name}>
                {s.zh} / {s.name}
              </option>
            ))}
          </select>
          <button id="start-starter" onClick={() => start({ from: "starter", name: starter })}>
            使用 / use
          </button>
        </section>
        <section>
          <h2>文件夹中的文件 / a file of the folder</h2>
          {info.files.length === 0 ? (
            <p class="muted">（没有 .yaml 文件 / no .yaml files）</p>
          ) : (
            <select id="existing-file" value={file} onChange={(event) => setFile(event.currentTarget.value)}>
              {info.files.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
          <div class="row">
            <button id="open-file" disabled={!file} onClick={() => start({ from: "file", file })}>
              打开 / open
            </button>
            <button id="next-year" disabled={!file} onClick={() => start({ from: "next-year", file })}>
              生成下一年草稿 / next year's draft
            </button>
          </div>
        </section>
        <section>
          <h2>Word 草稿 / a Word draft</h2>
          {info.drafts.length === 0 ? (
            <p class="muted">（文件夹中没有 .docx 文件 / no .docx files in the folder）</p>
          ) : (
            <select id="word-file" value={word} onChange={(event) => setWord(event.currentTarget.value)}>
              {info.drafts.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
          <button id="import-word" disabled={!word} onClick={() => start({ from: "word", file: word })}>
            导入 / import
          </button>
          <label>
            或上传 / or upload{" "}
            <input id="upload-word" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(event) => void upload(event.currentTarget.files?.[0])} />
          </label>
        </section>
      </div>
      {error ? <p class="error-banner">{error}</p> : null}
    </div>
  );
}

const REPORT_STATUS: Record<ReportItem["status"], string> = {
  recognised: "识别 recognised",
  guessed: "推断 guessed",
  body: "作正文 body text",
  changed: "改写 changed",
  attention: "注意 attention",
};

/** The import report of a Word draft, as `gongwen import` prints it: one row an element. */
function ImportReport(props: { report: readonly ReportItem[]; onClose: () => void }) {
  const count = (status: ReportItem["status"]) => props.report.filter((item) => item.status === status).length;
  return (
    <section id="import-report" class="import-report">
      <h2>
        导入报告 / import report <button onClick={props.onClose}>关闭 / close</button>
      </h2>
      <p>
        识别 {count("recognised")} 项，推断 {count("guessed")} 项，作正文 {count("body")} 项，改写 {count("changed")} 项，需注意 {count("attention")} 项 / {count("recognised")} recognised,{" "}
        {count("guessed")} guessed, {count("body")} body text, {count("changed")} changed, {count("attention")} to check
      </p>
      <table>
        <tbody>
          {props.report.map((item, index) => (
            <tr key={index} class={`report-${item.status}`}>
              <td>{REPORT_STATUS[item.status]}</td>
              <td>{item.element}</td>
              <td>{item.paragraph !== undefined ? `第 ${item.paragraph} 段 ¶${item.paragraph}` : ""}</td>
              <td>
                {item.text}
                {item.zh ? <div class="muted">{item.zh} / {item.en}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface DiffJson {
  identical: boolean;
  counts: Record<string, number>;
  fields: { change: string; path: string; old?: unknown; new?: unknown }[] | null;
  paragraphs: { change: string; old?: { line: number; text: string }; new?: { line: number; text: string }; segments?: { op: string; text: string }[] }[];
}

function DiffView(props: { diff: DiffJson }) {
  const { diff } = props;
  if (diff.identical) return <p class="diff-identical">两稿相同 / the drafts are identical</p>;
  const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
  return (
    <div class="diff">
      <p>
        修改 changed {diff.counts.changed} · 新增 inserted {diff.counts.inserted} · 删除 deleted {diff.counts.deleted} · 移动 moved {diff.counts.moved}
      </p>
      {diff.fields && diff.fields.length > 0 ? (
        <table class="diff-fields">
          <tbody>
            {diff.fields.map((field, index) => (
              <tr key={index}>
                <td>{field.change}</td>
                <td>
                  <code>{field.path}</code>
                </td>
                <td class="del">{field.old !== undefined ? show(field.old) : ""}</td>
                <td class="ins">{field.new !== undefined ? show(field.new) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {diff.paragraphs.map((paragraph, index) => (
        <p key={index} class={`diff-paragraph ${paragraph.change}`}>
          {paragraph.segments && paragraph.segments.length > 0
            ? paragraph.segments.map((segment, i) => (
                <span key={i} class={segment.op === "insert" ? "ins" : segment.op === "delete" ? "del" : ""}>
                  {segment.text}
                </span>
              ))
            : paragraph.change === "deleted"
              ? <span class="del">{paragraph.old?.text}</span>
              : <span class="ins">{paragraph.new?.text}</span>}
        </p>
      ))}
    </div>
  );
}

function Editor(props: { info: Info; started: Started; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>({ file: props.started.file, text: props.started.text, data: props.started.data, existing: props.started.existing });
  const [evaluation, setEvaluation] = useState<Evaluation>(props.started);
  const [pages, setPages] = useState<readonly Page[]>(props.started.preview?.pages ?? []);
  const [schema, setSchema] = useState<Schema>();
  const [status, setStatus] = useState<string>("");
  const [highlight, setHighlight] = useState<{ path?: Path; block?: number }>();
  const [panel, setPanel] = useState<"preview" | "true" | "diff">("preview");
  const [trueLayout, setTrueLayout] = useState<{ pages: string[]; findings: { zh: string; en: string }[]; verified: boolean; ms: number; data: unknown }>();
  const [trueBusy, setTrueBusy] = useState(false);
  const [diff, setDiff] = useState<DiffJson>();
  const [other, setOther] = useState(props.info.files.find((name) => name !== props.started.file) ?? "");
  const [confirmIssue, setConfirmIssue] = useState(false);
  /** A save or issue the server refused because the disk changed: what it said, and how to go on. */
  const [conflict, setConflict] = useState<{ zh: string; en: string; retry: () => void }>();
  /** The file this editor last read or wrote, and what it held then. */
  const onDisk = useRef<{ file: string; version: string | null }>({ file: props.started.file, version: props.started.version });
  const [saved, setSaved] = useState(props.started.existing);
  const [report, setReport] = useState(props.started.report);
  const formRef = useRef<HTMLDivElement>(null);
  // Requests go one at a time; the newest data waits for the one in flight.
  const inFlight = useRef(false);
  const pending = useRef<Draft | undefined>(undefined);
  const latest = useRef(draft);
  latest.current = draft;
  const kind = (draft.data as { kind?: string } | undefined)?.kind ?? "general";

  useEffect(() => {
    get<Schema>(`/api/schema?kind=${encodeURIComponent(kind)}`).then(setSchema, () => setStatus("无法读取数据格式 / cannot read the schema"));
  }, [kind]);

  const check = async (current: Draft) => {
    if (inFlight.current) {
      pending.current = current;
      return;
    }
    inFlight.current = true;
    try {
      const result = await post<Evaluation>("/api/check", { file: current.file, text: current.text, data: current.data });
      setEvaluation(result);
      if (result.preview) setPages(result.preview.pages);
      // The answer's text is the draft's text from now on (the edit written into it, comments kept).
      setDraft((now) => ({ ...now, text: result.text }));
      latest.current = { ...latest.current, text: result.text };
      document.body.dataset.previewVersion = String(Number(document.body.dataset.previewVersion ?? 0) + 1);
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.zh} / ${e.en}` : String(e));
    } finally {
      inFlight.current = false;
      const next = pending.current;
      pending.current = undefined;
      if (next) void check({ ...next, text: latest.current.text });
    }
  };

  const onChange = (path: Path, value: unknown) => {
    const next = { ...latest.current, data: setAt(latest.current.data, path, value) };
    latest.current = next;
    setDraft(next);
    setSaved(false);
    void check(next);
  };

  const errors = evaluation.diagnostics.filter((d) => d.severity === "error");
  const body = { file: draft.file, text: draft.text, data: draft.data };

  const runTrueLayout = async () => {
    if (errors.length > 0 || !props.info.officeAvailable) return;
    setTrueBusy(true);
    try {
      const requested = latest.current.data;
      const result = await post<{ pages: string[]; findings: { zh: string; en: string }[]; verified: boolean; ms: number }>("/api/true-layout", body);
      setTrueLayout({ ...result, data: requested });
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.zh} / ${e.en}` : String(e));
    } finally {
      setTrueBusy(false);
    }
  };

  // After a pause in typing, LibreOffice lays the draft out (only when the true layout is being looked at).
  useEffect(() => {
    if (panel !== "true" || errors.length > 0) return;
    if (trueLayout && JSON.stringify(trueLayout.data) === JSON.stringify(draft.data)) return;
    const timer = setTimeout(() => void runTrueLayout(), trueLayout ? TRUE_LAYOUT_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [draft.data, panel, errors.length]);

  const act = async (label: string, action: () => Promise<string>) => {
    setStatus(`${label}…`);
    try {
      setStatus(await action());
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.zh} / ${e.en}${e.diagnostics.length > 0 ? `（${e.diagnostics.length} 个问题 / problems）` : ""}` : String(e));
    }
  };

  /** What the server compares with the disk: under a name this editor did not read or write, nothing should be there. */
  const writeBody = (overwrite: boolean) => ({ ...body, base: onDisk.current.file === body.file ? onDisk.current.version : null, overwrite });
  /** A write refused with 409 (the disk changed) asks the clerk, and goes on only when told to overwrite. */
  const guarded = async (label: string, write: (overwrite: boolean) => Promise<string>, overwrite = false) => {
    setConflict(undefined);
    setStatus(`${label}…`);
    try {
      setStatus(await write(overwrite));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict({ zh: e.zh, en: e.en, retry: () => void guarded(label, write, true) });
        setStatus("未保存 / not saved");
        return;
      }
      setStatus(e instanceof ApiError ? `${e.zh} / ${e.en}${e.diagnostics.length > 0 ? `（${e.diagnostics.length} 个问题 / problems）` : ""}` : String(e));
    }
  };

  const save = () =>
    guarded("保存中 / saving", async (overwrite) => {
      const request = writeBody(overwrite);
      const result = await post<{ saved: string; text: string; version: string }>("/api/save", request);
      onDisk.current = { file: request.file, version: result.version };
      setDraft((now) => ({ ...now, text: result.text, existing: true }));
      setSaved(true);
      return `已保存 / saved: ${result.saved}`;
    });

  /** From a preview line to its field (or its line of the Markdown body). */
  const pick = (item: LineItem) => {
    setHighlight({ block: item.block });
    const form = formRef.current;
    if (!form || !item.path) return;
    if (item.path[0] === "body" && item.sourceLine !== undefined) {
      const area = form.querySelector<HTMLTextAreaElement>('[data-path="body"] textarea');
      if (area) {
        const line = item.sourceLine - 1;
        const lines = area.value.split("\n");
        const start = lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
        area.focus();
        area.setSelectionRange(start, start + (lines[line]?.length ?? 0));
        const lineHeight = area.scrollHeight / Math.max(1, lines.length);
        area.scrollTop = Math.max(0, line * lineHeight - area.clientHeight / 3);
        area.scrollIntoView({ block: "nearest" });
        return;
      }
    }
    for (let length = item.path.length; length > 0; length--) {
      const field = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(item.path.slice(0, length)))}"]`);
      if (field) {
        field.scrollIntoView({ block: "center" });
        field.querySelector<HTMLElement>("input, textarea, select")?.focus({ preventScroll: true });
        field.classList.add("flash");
        setTimeout(() => field.classList.remove("flash"), 1200);
        return;
      }
    }
  };

  /** From a field to its lines in the preview. */
  const onFocusIn = (event: FocusEvent) => {
    const field = (event.target as HTMLElement).closest<HTMLElement>("[data-path]");
    if (!field?.dataset.path || field.dataset.path === "body") return;
    const path = field.dataset.path.split(".").map((segment) => (/^\d+$/u.test(segment) ? Number(segment) : segment));
    setHighlight({ path });
  };
  const onBodyCursor = (line: number) => {
    let best: LineItem | undefined;
    for (const page of pages) {
      for (const item of page.items) {
        if (item.kind === "line" && item.sourceLine !== undefined && item.sourceLine <= line && (!best || item.sourceLine > best.sourceLine!)) best = item;
      }
    }
    if (best) setHighlight({ block: best.block });
  };
  useEffect(() => {
    document.querySelector(".pv-line.hl")?.scrollIntoView({ block: "nearest" });
  }, [highlight]);

  const topProblems = evaluation.diagnostics.filter((d) => !d.path || d.path.length === 0);
  const data = draft.data as Record<string, unknown> | undefined;
  const topKeys = useMemo(() => Object.keys(schema?.properties ?? {}).filter((key) => key !== "$schema" && key !== "kind"), [schema]);

  return (
    <div class="editor">
      <header class="toolbar">
        <button onClick={props.onClose} title="返回开始 / back to start">
          ← 开始 / start
        </button>
        <label class="file-name">
          文件 / file{" "}
          <input id="file-name" value={draft.file} onInput={(event) => setDraft({ ...draft, file: event.currentTarget.value })} />
        </label>
        <button id="save" onClick={save}>
          保存 / save{saved ? "" : " *"}
        </button>
        <button id="download-docx" onClick={() => act("生成 .docx / rendering", async () => `已下载 / downloaded: ${await download("/api/docx", body)}`)}>
          下载 .docx
        </button>
        <button id="download-pdf" disabled={!props.info.officeAvailable} onClick={() => act("生成 PDF / making the PDF", async () => `已下载 / downloaded: ${await download("/api/pdf", body)}`)}>
          下载 PDF
        </button>
        <span class="sep" />
        <button id="issue" onClick={() => setConfirmIssue(true)} disabled={errors.length > 0}>
          签发归档 / issue…
        </button>
        <span id="status" class="status">
          {status}
        </span>
      </header>
      {report ? <ImportReport report={report} onClose={() => setReport(undefined)} /> : null}
      {conflict ? (
        <div class="confirm" role="dialog" id="conflict">
          <p>
            {conflict.zh}。/ {conflict.en}.
          </p>
          <button id="conflict-overwrite" onClick={conflict.retry}>
            仍然覆盖 / overwrite
          </button>
          <button id="conflict-cancel" onClick={() => setConflict(undefined)}>
            取消 / cancel
          </button>
        </div>
      ) : null}
      {confirmIssue ? (
        <div class="confirm" role="dialog">
          <p>
            将保存 <code>{draft.file}</code> 并签发归档：生成 .docx 与 PDF/A，只写一次存入档案库，不能撤回。/ This saves the file and issues it to the
            archive, write-once; it cannot be undone.
          </p>
          <button
            id="confirm-issue"
            onClick={() => {
              setConfirmIssue(false);
              void guarded("签发中 / issuing", async (overwrite) => {
                const request = { ...writeBody(overwrite), confirm: true };
                const result = await post<{ status: string; docNumber: string; dir: string; version: number; diskVersion: string }>("/api/issue", request);
                onDisk.current = { file: request.file, version: result.diskVersion };
                setSaved(true);
                return `${result.status === "unchanged" ? "未改动 / unchanged" : "已归档 / archived"}：${result.docNumber} 第 ${result.version} 版 → ${result.dir}`;
              });
            }}
          >
            确认签发 / issue
          </button>
          <button onClick={() => setConfirmIssue(false)}>取消 / cancel</button>
        </div>
      ) : null}
      <div class="panes">
        <div class="form-pane" ref={formRef} onFocusIn={onFocusIn as never}>
          <div id="summary" class={errors.length > 0 ? "summary bad" : "summary ok"}>
            {errors.length > 0
              ? `${errors.length} 个错误 / error(s)（与 gongwen validate 相同 / as gongwen validate reports）`
              : `通过 / valid${evaluation.pages ? `：约 ${evaluation.pages} 页 / about ${evaluation.pages} page(s)` : ""}`}
          </div>
          {topProblems.length > 0 ? (
            <ul class="problems">
              {topProblems.map((d, index) => (
                <li key={index} class={d.severity}>
                  {d.line !== undefined ? `第 ${d.line} 行 / line ${d.line}：` : ""}
                  {d.zh} <span class="en">/ {d.en}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {schema && data
            ? topKeys
                .filter((key) => key in data || (schema.required ?? []).includes(key))
                .map((key) => (
                  <Field
                    key={key}
                    schema={schema.properties![key]!}
                    value={data[key]}
                    path={[key]}
                    name={key}
                    required={(schema.required ?? []).includes(key)}
                    context={{ root: schema, diagnostics: evaluation.diagnostics, bodyLine: evaluation.bodyLine, onChange, onBodyCursor }}
                    onRemove={(schema.required ?? []).includes(key) ? undefined : () => onChange([key], undefined)}
                  />
                ))
            : null}
          {schema && data
            ? topKeys
                .filter((key) => !(key in data) && !(schema.required ?? []).includes(key))
                .map((key) => (
                  <button key={key} class="small" data-add={key} onClick={() => onChange([key], key === "body" ? "" : {})}>
                    + {key}
                  </button>
                ))
            : null}
        </div>
        <div class="preview-pane">
          <nav class="tabs">
            <button class={panel === "preview" ? "on" : ""} id="tab-preview" onClick={() => setPanel("preview")}>
              预览 / preview
            </button>
            <button class={panel === "true" ? "on" : ""} id="tab-true" disabled={!props.info.officeAvailable} onClick={() => setPanel("true")}>
              排版核验 / true layout
            </button>
            <button class={panel === "diff" ? "on" : ""} id="tab-diff" onClick={() => setPanel("diff")}>
              比较 / compare
            </button>
          </nav>
          {panel === "preview" ? (
            <div class="preview-scroll">
              {errors.length > 0 ? <p class="stale">有错误：预览为最近一次有效内容 / there are errors: the preview shows the last valid draft</p> : null}
              <Preview pages={pages} highlight={highlight} onPick={pick} />
            </div>
          ) : null}
          {panel === "true" ? (
            <div class="preview-scroll true-layout">
              <p>
                <button id="run-true" onClick={() => void runTrueLayout()} disabled={trueBusy || errors.length > 0}>
                  {trueBusy ? "LibreOffice 排版中… / laying out…" : "立即排版核验 / lay out now"}
                </button>{" "}
                {trueLayout ? `${(trueLayout.ms / 1000).toFixed(1)} s` : ""}
              </p>
              {trueLayout ? (
                <div id="findings" class={trueLayout.verified ? "summary ok" : "summary bad"}>
                  {trueLayout.verified ? "已经排版核验：符合版面规则 / verified on LibreOffice's layout" : "排版核验发现问题 / findings:"}
                  <ul>
                    {trueLayout.findings.map((f, index) => (
                      <li key={index}>
                        {f.zh} <span class="en">/ {f.en}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div class="true-pages">
                {trueLayout?.pages.map((src, index) => <img key={index} src={src} alt={`第 ${index + 1} 页 / page ${index + 1}`} />)}
              </div>
            </div>
          ) : null}
          {panel === "diff" ? (
            <div class="preview-scroll">
              <p>
                与另一稿比较 / compare with{" "}
                <select id="diff-other" value={other} onChange={(event) => setOther(event.currentTarget.value)}>
                  {props.info.files.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>{" "}
                <button id="run-diff" disabled={!other} onClick={() => act("比较中 / comparing", async () => {
                  setDiff(await post<DiffJson>("/api/diff", { ...body, other }));
                  return "";
                })}>
                  比较 / compare
                </button>{" "}
                <button id="download-redline" disabled={!other} onClick={() => act("生成修订稿 / redline", async () => `已下载 / downloaded: ${await download("/api/redline", { ...body, other })}`)}>
                  下载修订稿 / redline .docx
                </button>
              </p>
              {diff ? <DiffView diff={diff} /> : null}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function App() {
  const [info, setInfo] = useState<Info>();
  const [started, setStarted] = useState<Started>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    get<Info>("/api/info").then(async (loaded) => {
      setInfo(loaded);
      // `gongwen edit <file>` opens the page on that file.
      const file = new URLSearchParams(location.search).get("file");
      if (file) setStarted(await post<Started>("/api/start", { from: "file", file }));
    }, (e) => setError(e instanceof ApiError ? `${e.zh} / ${e.en}` : String(e)));
  }, []);
  if (error) return <p class="error-banner">{error}</p>;
  if (!info) return <p class="muted">载入中 / loading…</p>;
  if (!started) return <Start info={info} onStarted={setStarted} />;
  return (
    <Editor
      info={info}
      started={started}
      onClose={() => {
        setStarted(undefined);
        void get<Info>("/api/info").then(setInfo);
      }}
    />
  );
}

render(<App />, document.getElementById("app")!);
