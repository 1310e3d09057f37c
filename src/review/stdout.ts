/**
 * Writing to stdout for commands that are piped (`gongwen text a.docx | head`, git textconv):
 * a reader that closes the pipe early is normal use, not an error worth a stack trace.
 */
let guarded = false;

export function writeStdout(text: string): Promise<void> {
  if (!guarded) {
    guarded = true;
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", resolve);
  });
}
