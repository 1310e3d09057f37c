/**
 * Regular expression literals with non-ASCII characters, rewritten as `new RegExp("…", "flags")`,
 * whose string esbuild then escapes like any other (it leaves regular expression literals as
 * written). bin/gongwen.js reads the bundle as Latin-1, which V8 takes 2-3x faster than UTF-8, so the
 * bundle must be ASCII. Escaping inside the literal instead would change what `.source` returns, and
 * the JSON Schema prints DOC_NUMBER_PATTERN's; the constructor keeps `.source` (checked here).
 */
import ts from "typescript";

const NON_ASCII = /[^\x00-\x7f]/;
/** A line with a non-ASCII character between two slashes: worth parsing. */
const CANDIDATE = /\/[^\n]*[^\x00-\x7f][^\n]*\//;

/** The module's text with its non-ASCII regular expression literals rewritten, or undefined if none. */
export function asciiRegExps(text, fileName) {
  if (!CANDIDATE.test(text)) return undefined;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literals = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && NON_ASCII.test(node.text)) literals.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (literals.length === 0) return undefined;
  let out = "";
  let at = 0;
  for (const node of literals) {
    const literal = node.text;
    const end = literal.lastIndexOf("/");
    const pattern = literal.slice(1, end);
    const flags = literal.slice(end + 1);
    if (new RegExp(pattern, flags).source !== pattern) throw new Error(`${fileName}: ${literal} would not keep its source as new RegExp()`);
    // Parenthesised: a literal may stand wherever a primary expression may.
    out += `${text.slice(at, node.getStart(source))}(new RegExp(${JSON.stringify(pattern)}, ${JSON.stringify(flags)}))`;
    at = node.getEnd();
  }
  return out + text.slice(at);
}
