import type { z } from "zod";
import { ruleFromMessage, type RuleParams } from "./primitives.js";

/** Explains a zod issue to a clerk: Chinese first, English beside, and the rule it broke. */
export interface IssueMessage {
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  /** Extra path segments (e.g. the unknown key) below the issue's own path. */
  readonly subPath?: ReadonlyArray<string | number>;
}

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "是/否",
  array: "列表",
  object: "字段组",
  undefined: "空（未填写）",
  null: "空值",
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function receivedType(input: unknown): string {
  if (input === undefined) return "undefined";
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input;
}

export function explainIssue(issue: z.core.$ZodIssue): IssueMessage[] {
  const own = ruleFromMessage(issue.message);
  if (own) return [{ zh: own.zh, en: own.en, rule: own.rule }];
  switch (issue.code) {
    case "custom": {
      const params = issue.params as RuleParams | undefined;
      if (params?.zh) return [{ zh: params.zh, en: params.en, rule: params.rule }];
      const [zh, en] = issue.message.split(" / ");
      return [{ zh: zh ?? issue.message, en: en ?? issue.message, rule: "custom" }];
    }
    case "invalid_type": {
      const received = receivedType(issue.input);
      if (received === "undefined") return [{ zh: "缺少必填字段", en: "required field is missing", rule: "required" }];
      return [{
        zh: `应为${typeName(issue.expected)}，实际为${typeName(received)}`,
        en: `expected ${issue.expected}, received ${received}`,
        rule: "type",
      }];
    }
    case "too_small":
      if (issue.origin === "array") {
        return [{ zh: `至少要有 ${issue.minimum} 项`, en: `needs at least ${issue.minimum} item(s)`, rule: "non-empty" }];
      }
      if (issue.origin === "string") return [{ zh: "不能为空", en: "must not be empty", rule: "non-empty" }];
      return [{ zh: `不能小于 ${issue.minimum}`, en: `must be at least ${issue.minimum}`, rule: "range" }];
    case "too_big":
      return [{ zh: `不能超过 ${issue.maximum}`, en: `must be at most ${issue.maximum}`, rule: "range" }];
    case "invalid_value":
      return [{
        zh: `取值应为：${issue.values.map(String).join("、")}`,
        en: `expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`,
        rule: "enum",
      }];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        zh: "未知字段（是否拼写错误？）",
        en: "unknown field (a typo?)",
        rule: "unknown-field",
        subPath: [key],
      }));
    case "invalid_format":
      return [{ zh: `格式不正确（${issue.format}）`, en: `invalid format (${issue.format})`, rule: "format" }];
    case "invalid_union":
      return explainUnion(issue);
    default:
      return [{ zh: "取值无效", en: issue.message, rule: issue.code }];
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A union failed: report the branch the user evidently meant (the one whose shape matches the input),
 * rather than "invalid input".
 */
function explainUnion(issue: z.core.$ZodIssueInvalidUnion): IssueMessage[] {
  const input = issue.input;
  const branches = issue.errors;
  const matching = branches.find((branch) =>
    branch.every((inner) => !(inner.code === "invalid_type" && inner.path.length === 0)),
  );
  if (matching && matching.length > 0) {
    // The inner issue's own input is the value at its path: a missing field is undefined there, and
    // must read 「缺少必填字段」, not "received object" (the whole 文号).
    return matching.flatMap((inner) =>
      explainIssue({ ...inner, input: valueAt(input, inner.path) } as z.core.$ZodIssue).map((message) => ({
        ...message,
        subPath: [...inner.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)), ...(message.subPath ?? [])],
      })),
    );
  }
  return [{ zh: "取值的类型或格式不符合要求", en: `invalid value (received ${receivedType(input)})`, rule: "type" }];
}
