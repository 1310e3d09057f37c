/** Calls to the editor's server: JSON in, JSON (or a file) out; every failure carries 中文 / English. */

export type Path = readonly (string | number)[];

export interface Diagnostic {
  readonly path?: Path;
  readonly line?: number;
  readonly column?: number;
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
}

export interface Span {
  readonly text: string;
  readonly font: string;
  readonly colour?: string;
}

export interface LineItem {
  readonly kind: "line";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly sizePt: number;
  readonly scale: number;
  readonly align: "left" | "center" | "right" | "justify";
  readonly right?: readonly Span[];
  readonly spans: readonly Span[];
  readonly block: number;
  readonly path?: Path;
  readonly sourceLine?: number;
}

export interface RuleItem {
  readonly kind: "rule";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly thickness: number;
  readonly colour: string;
  readonly vertical?: boolean;
}

export interface Page {
  readonly number: number;
  readonly landscape: boolean;
  readonly widthTwips: number;
  readonly heightTwips: number;
  readonly pageNumber?: { text: string; x: number; yCentre: number; width: number; align: "left" | "right"; sizePt: number };
  readonly items: readonly (LineItem | RuleItem)[];
}

export interface Evaluation {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly bodyLine?: number;
  readonly preview?: { pages: readonly Page[] };
  readonly pages?: number;
  readonly placement?: string;
}

export interface ReportItem {
  readonly status: "recognised" | "guessed" | "body" | "changed" | "attention";
  readonly element: string;
  readonly paragraph?: number;
  readonly text: string;
  readonly zh?: string;
  readonly en?: string;
}

export interface Started extends Evaluation {
  readonly data: unknown;
  readonly file: string;
  readonly existing: boolean;
  /** What is on disk under `file` (a hash), null when nothing: save asks before overwriting anything else. */
  readonly version: string | null;
  /** A Word draft's import report. */
  readonly report?: readonly ReportItem[];
}

export interface Info {
  readonly folder: string;
  readonly files: readonly string[];
  /** The .docx drafts of the folder. */
  readonly drafts: readonly string[];
  readonly kinds: readonly { id: string; label: { zh: string; en: string } }[];
  readonly formats: readonly string[];
  readonly starters: readonly { name: string; zh: string }[];
  readonly officeAvailable: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(`${zh} / ${en}`);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { zh?: string; en?: string; diagnostics?: Diagnostic[] };
  return new ApiError(response.status, body.zh ?? "请求失败", body.en ?? `request failed (${response.status})`, body.diagnostics ?? []);
}

export async function get<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Posts and saves the answer as a download under the name the server gives. */
export async function download(url: string, body: unknown): Promise<string> {
  const response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/u.exec(disposition)?.[1] ?? "download");
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}
