"use strict";
// A batch worker thread's entry: the bundled CLI (with its code cache and prebuilt package shells) when
// it is there and current, else the modules in dist/. Started by src/batch/pool.ts.
const { loadBundle } = require("./load-bundle.js");

const bundle = loadBundle();
if (bundle) bundle.serveBatchTasks();
else import("../dist/batch/worker-main.js");
