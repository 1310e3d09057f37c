#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ (run `npm run build` first) so start-up stays fast.
import("../dist/cli.js").then((cli) => cli.main(process.argv)).catch((error) => {
  console.error(error);
  process.exit(70);
});
