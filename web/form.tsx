import type { ComponentChildren } from "preact";
import type { Diagnostic, Path } from "./api.js";

/**
 * The frame as a form generated from the kind's JSON Schema (`gongwen schema`): one input per field,
 * the bilingual descriptions as help, dates as date inputs, enums as choices, lists with add / remove /
 * reorder, unions (文号 as parts or as one string, the seal) with a choice of form. Every field says
 * its path (data-path), so problems, the preview and the form find each other.
 */

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  description?: string;
  $ref?: string;
  $defs?: Record<string, Schema>;
  minItems?: number;
}

export const pathKey = (path: Path): string => path.map(String).join(".");

export interface FormContext {
  readonly root: Schema;
  readonly diagnostics: readonly Diagnostic[];
  readonly bodyLine?: number;
  readonly onChange: (path: Path, value: unknown) => void;
  readonly onBodyCursor?: (line: number) => void;
}

function resolveRef(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.replace(/^#\/\$defs\//u, "");
    current = { ...root.$defs?.[name], description: current.description ?? root.$defs?.[name]?.description };
  }
  return current;
}

/** The Chinese name of a field: its description up to the first pause, else its key. */
function labelOf(key: string | number, schema: Schema): string {
  if (typeof key === "number") return `第 ${key + 1} 项`;
  const zh = schema.description?.split(/[：，,（(/]/u)[0]?.trim();
  return zh && zh.length <= 16 ? zh : key;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

function typeOf(schema: Schema): string | undefined {
  if (schema.const !== undefined) return "const";
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  if (schema.enum) return "string";
  return undefined;
}

/** Does a value fit a union branch (by its shape, not every rule)? */
function fits(schema: Schema, value: unknown, root: Schema): boolean {
  const branch = resolveRef(schema, root);
  const type = typeOf(branch);
  if (type === "const") return branch.const === value;
  if (type === "object") {
    if (!isObject(value)) return false;
    const required = branch.required ?? [];
    return required.every((key) => key in value) && Object.keys(value).every((key) => key in (branch.properties ?? {}));
  }
  if (type === "array") return Array.isArray(value);
  if (type === "string") return typeof value === "string" && (!branch.enum || branch.enum.includes(value));
  if (type === "integer" || type === "number") return typeof value === "number";
  if (type === "boolean") return typeof value === "boolean";
  return false;
}

/** A starting value for a field of this schema (a new list item, a newly added field, a switched form). */
export function emptyValue(schema: Schema, root: Schema): unknown {
  const resolved = resolveRef(schema, root);
  const union = resolved.anyOf ?? resolved.oneOf;
  if (union) return emptyValue(union[0]!, root);
  if (resolved.default !== undefined) return resolved.default;
  switch (typeOf(resolved)) {
    case "const":
      return resolved.const;
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of resolved.required ?? []) out[key] = emptyValue(resolved.properties?.[key] ?? {}, root);
      return out;
    }
    case "array":
      return resolved.minItems ? Array.from({ length: resolved.minItems }, () => emptyValue(resolved.items ?? {}, root)) : [];
    case "integer":
    case "number":
      return resolved.enum?.[0] ?? 1;
    case "boolean":
      return false;
    default:
      return resolved.enum?.[0] ?? "";
  }
}

function branchLabel(schema: Schema, root: Schema): string {
  const branch = resolveRef(schema, root);
  if (branch.const !== undefined) return `${String(branch.const)}${branch.description ? `：${branch.description}` : ""}`;
  const type = typeOf(branch);
  if (type === "object") return `分项填写 / parts: ${Object.keys(branch.properties ?? {}).join(", ")}`;
  if (type === "array") return "分行列出 / a list";
  if (type === "string") return "一行文字 / one text";
  return type ?? "?";
}

function Problems({ items }: { items: readonly Diagnostic[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="problems">
      {items.map((d, index) => (
        <li key={index} class={d.severity} data-rule={d.rule}>
          {d.zh} <span class="en">/ {d.en}</span>
        </li>
      ))}
    </ul>
  );
}

const samePath = (a: Path | undefined, b: Path) => a !== undefined && a.length === b.length && a.every((segment, index) => String(segment) === String(b[index]));
const under = (a: Path | undefined, b: Path) => a !== undefined && a.length > b.length && b.every((segment, index) => String(segment) === String(a[index]));

export function Field(props: { schema: Schema; value: unknown; path: Path; name: string | number; required: boolean; context: FormContext; onRemove?: () => void; tools?: ComponentChildren }) {
  const { context, path, value } = props;
  const schema = resolveRef(props.schema, context.root);
  const here = context.diagnostics.filter((d) => samePath(d.path, path));
  const label = labelOf(props.name, schema);
  const union = schema.anyOf ?? schema.oneOf;
  const set = (next: unknown) => context.onChange(path, next);
  let control: ComponentChildren;

  if (union) {
    const chosen = Math.max(0, union.findIndex((branch) => fits(branch, value, context.root)));
    const allConst = union.every((branch) => resolveRef(branch, context.root).const !== undefined);
    if (allConst) {
      control = (
        <select value={String(value)} onChange={(event) => set(union.map((b) => resolveRef(b, context.root).const).find((c) => String(c) === event.currentTarget.value))}>
          {union.map((branch, index) => (
            <option key={index} value={String(resolveRef(branch, context.root).const)}>
              {branchLabel(branch, context.root)}
            </option>
          ))}
        </select>
      );
    } else {
      const branch = resolveRef(union[chosen]!, context.root);
      control = (
        <div class="union">
          <select class="form-choice" value={String(chosen)} onChange={(event) => set(emptyValue(union[Number(event.currentTarget.value)]!, context.root))}>
            {union.map((b, index) => (
              <option key={index} value={String(index)}>
                {branchLabel(b, context.root)}
              </option>
            ))}
          </select>
          {resolveRef(branch, context.root).const === undefined ? <Control schema={branch} value={value} path={path} name={props.name} context={context} set={set} /> : null}
        </div>
      );
    }
  } else {
    control = <Control schema={schema} value={value} path={path} name={props.name} context={context} set={set} />;
  }
  const compound = !union && (typeOf(schema) === "object" || typeOf(schema) === "array");
  return (
    <div class={`field${compound ? " compound" : ""}${here.some((d) => d.severity === "error") ? " has-error" : ""}`} data-path={pathKey(path)}>
      <div class="field-head">
        <label>
          {label} <code>{typeof props.name === "string" ? props.name : ""}</code>
        </label>
        {props.tools}
        {props.onRemove ? (
          <button type="button" class="small" title="删除此项 / remove" onClick={props.onRemove}>
            删除
          </button>
        ) : null}
      </div>
      {schema.description && typeof props.name === "string" ? <div class="help">{schema.description}</div> : null}
      {control}
      <Problems items={here} />
    </div>
  );
}

function Control(props: { schema: Schema; value: unknown; path: Path; name: string | number; context: FormContext; set: (value: unknown) => void }) {
  const { schema, value, path, context, set } = props;
  const type = typeOf(schema);
  if (type === "object") return <ObjectFields schema={schema} value={isObject(value) ? value : {}} path={path} context={context} />;
  if (type === "array") return <ListFields schema={schema} value={Array.isArray(value) ? value : []} path={path} context={context} />;
  if (type === "const") return <span class="const">{String(schema.const)}</span>;
  if (type === "boolean") return <input type="checkbox" checked={value === true} onChange={(event) => set(event.currentTarget.checked)} />;
  if (type === "integer" || type === "number") {
    return (
      <input
        type="number"
        value={typeof value === "number" ? String(value) : ""}
        onInput={(event) => {
          const text = event.currentTarget.value;
          set(text === "" ? undefined : Number(text));
        }}
      />
    );
  }
  if (schema.enum) {
    return (
      <select value={String(value ?? "")} onChange={(event) => set(event.currentTarget.value)}>
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option) === "" ? "（空）" : String(option)}
          </option>
        ))}
      </select>
    );
  }
  const text = typeof value === "string" ? value : value === undefined ? "" : String(value);
  if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$") {
    return <input type="date" value={text} onInput={(event) => set(event.currentTarget.value)} />;
  }
  if (path[0] === "body" || text.includes("\n") || props.name === "text") {
    return <BodyText value={text} path={path} context={context} set={set} />;
  }
  return <input type="text" value={text} onInput={(event) => set(event.currentTarget.value)} />;
}

/** The Markdown body: a text area whose problems are shown by line (file lines made body lines). */
function BodyText(props: { value: string; path: Path; context: FormContext; set: (value: unknown) => void }) {
  const { context } = props;
  const isBody = props.path.length === 1 && props.path[0] === "body";
  const lines = props.value.split("\n").length;
  const cursorLine = (area: HTMLTextAreaElement) => area.value.slice(0, area.selectionStart).split("\n").length;
  const byLine = isBody
    ? context.diagnostics.filter((d) => under(d.path, props.path) || (samePath(d.path, props.path) && d.line !== undefined))
    : [];
  return (
    <div class="body-text">
      <textarea
        class={isBody ? "markdown" : ""}
        rows={Math.min(30, Math.max(isBody ? 12 : 3, lines + 1))}
        value={props.value}
        onInput={(event) => props.set(event.currentTarget.value)}
        onKeyUp={(event) => isBody && context.onBodyCursor?.(cursorLine(event.currentTarget))}
        onClick={(event) => isBody && context.onBodyCursor?.(cursorLine(event.currentTarget))}
      />
      {byLine.length > 0 && context.bodyLine !== undefined ? (
        <ul class="problems">
          {byLine.map((d, index) => (
            <li key={index} class={d.severity} data-body-line={d.line !== undefined ? d.line - context.bodyLine! + 1 : ""}>
              {d.line !== undefined ? `第 ${d.line - context.bodyLine! + 1} 行 / line ${d.line - context.bodyLine! + 1}：` : ""}
              {d.zh} <span class="en">/ {d.en}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ObjectFields(props: { schema: Schema; value: Record<string, unknown>; path: Path; context: FormContext }) {
  const { schema, value, path, context } = props;
  const required = new Set(schema.required ?? []);
  const keys = Object.keys(schema.properties ?? {}).filter((key) => key !== "$schema" && key !== "kind");
  const shown = keys.filter((key) => required.has(key) || key in value);
  const addable = keys.filter((key) => !shown.includes(key));
  // Problems about a field that is not there (a required one missing) are shown on the object.
  const orphans = context.diagnostics.filter((d) => under(d.path, path) && d.path!.length === path.length + 1 && !shown.includes(String(d.path![path.length])));
  const setKey = (key: string, next: unknown) => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    context.onChange(path, copy);
  };
  return (
    <div class="object">
      {shown.map((key) => (
        <Field
          key={key}
          schema={schema.properties![key]!}
          value={value[key]}
          path={[...path, key]}
          name={key}
          required={required.has(key)}
          context={{ ...context, onChange: context.onChange }}
          onRemove={required.has(key) ? undefined : () => setKey(key, undefined)}
        />
      ))}
      <Problems items={orphans} />
      {addable.length > 0 ? (
        <div class="add-fields">
          添加 / add:{" "}
          {addable.map((key) => (
            <button key={key} type="button" class="small" data-add={key} onClick={() => setKey(key, emptyValue(schema.properties![key]!, context.root))}>
              + {labelOf(key, resolveRef(schema.properties![key]!, context.root))}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ListFields(props: { schema: Schema; value: readonly unknown[]; path: Path; context: FormContext }) {
  const { schema, value, path, context } = props;
  const itemSchema = schema.items ?? {};
  const replace = (next: unknown[]) => context.onChange(path, next);
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    replace(next);
  };
  return (
    <div class="list">
      {value.map((item, index) => (
        <Field
          key={index}
          schema={itemSchema}
          value={item}
          path={[...path, index]}
          name={index}
          required
          context={context}
          onRemove={() => replace(value.filter((_, i) => i !== index))}
          tools={
            <span class="reorder">
              <button type="button" class="small" title="上移 / up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </button>
              <button type="button" class="small" title="下移 / down" disabled={index === value.length - 1} onClick={() => move(index, index + 1)}>
                ↓
              </button>
            </span>
          }
        />
      ))}
      <button type="button" class="small add-item" onClick={() => replace([...value, emptyValue(itemSchema, context.root)])}>
        + 添加一项 / add an item
      </button>
    </div>
  );
}

/** Sets a value at a path of plain data, copying along the way. */
export function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = isObject(data) ? { ...data } : {};
  const next = setAt(copy[head as string], rest, value);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}
