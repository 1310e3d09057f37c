/**
 * The `yaml` parser checks the debugging switch `process.env.LOG_TOKENS` once per token. Each read of
 * `process.env` is a call into Node's C++ environment (~0.3 µs); over the ~750 tokens of a data file
 * that is about a fifth of the parse. While a parse runs, `process.env` is therefore an ordinary object
 * that holds the parser's two switches as they are and finds every other variable in the real
 * environment, its prototype. Parsing is synchronous, so no other code sees the stand-in, and it is put
 * back before returning or throwing.
 */
export function withYamlEnv<T>(parse: () => T): T {
  const env = process.env;
  // `__proto__` in a literal sets the prototype; the literal's own properties are defined, not
  // assigned, so nothing is written through to the real environment.
  const standIn = { __proto__: env, LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM } as unknown as NodeJS.ProcessEnv;
  try {
    process.env = standIn;
  } catch {
    // A host that made process.env read-only keeps it; the parse is only slower.
    return parse();
  }
  try {
    return parse();
  } finally {
    process.env = env;
  }
}
