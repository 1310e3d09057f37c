/**
 * LibreOffice scripted headless, as an independent judge of our .docx files: open, optionally
 * Accept All / Reject All tracked changes or Find & Replace, save as .docx again.
 *
 * Debian's LibreOffice here has no python3-uno, but its Basic runtime is built in: a throw-away
 * profile gets a `Gongwen` Basic module, and `soffice --headless "macro:///Standard.Gongwen.…"` runs
 * it. The profile must be initialised first (`--terminate_after_init`): the first start rewrites
 * `user/basic` and would drop a module written before it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice } from "../../../src/pdf/libreoffice.js";

const BASIC = `
Function Load(url As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Load = StarDesktop.loadComponentFromURL(url, "_blank", 0, args())
End Function

Sub SaveDocx(doc, url As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "FilterName"
  args(0).Value = "MS Word 2007 XML"
  doc.storeToURL(url, args())
  doc.close(True)
End Sub

REM action: none (open and save), accept or reject (all tracked changes)
Sub Resave(inUrl As String, outUrl As String, action As String)
  doc = Load(inUrl)
  If action = "accept" Or action = "reject" Then
    dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
    command = IIf(action = "accept", ".uno:AcceptAllTrackedChanges", ".uno:RejectAllTrackedChanges")
    dispatcher.executeDispatch(doc.CurrentController.Frame, command, "", 0, Array())
  End If
  SaveDocx(doc, outUrl)
End Sub

REM Find and Replace All, the search and replacement read from a UTF-8 file of two lines
Sub Replace(inUrl As String, outUrl As String, jobUrl As String)
  stream = createUnoService("com.sun.star.ucb.SimpleFileAccess").openFileRead(jobUrl)
  text = createUnoService("com.sun.star.io.TextInputStream")
  text.setInputStream(stream)
  text.setEncoding("UTF-8")
  search = text.readLine()
  replacement = text.readLine()
  text.closeInput()
  doc = Load(inUrl)
  descriptor = doc.createReplaceDescriptor()
  descriptor.SearchString = search
  descriptor.ReplaceString = replacement
  doc.replaceAll(descriptor)
  SaveDocx(doc, outUrl)
End Sub
`;

/** A Basic module file as LibreOffice stores it: the code is the element's text, XML-escaped. */
const MODULE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">',
  '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Gongwen" script:language="StarBasic">',
  BASIC.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
  "</script:module>",
].join("\n");

export class LibreOfficeMacros {
  private constructor(
    private readonly soffice: string,
    readonly dir: string,
  ) {}

  static async create(): Promise<LibreOfficeMacros> {
    const soffice = findSoffice();
    if (!soffice) throw new Error("soffice not found");
    const lo = new LibreOfficeMacros(soffice, mkdtempSync(join(tmpdir(), "gongwen-lo-macro-")));
    await lo.run(["--terminate_after_init"]);
    const basic = join(lo.dir, "profile", "user", "basic", "Standard");
    writeFileSync(join(basic, "Gongwen.xba"), MODULE);
    const library = readFileSync(join(basic, "script.xlb"), "utf8");
    if (!library.includes('"Gongwen"')) {
      writeFileSync(join(basic, "script.xlb"), library.replace("</library:library>", ' <library:element library:name="Gongwen"/>\n</library:library>'));
    }
    return lo;
  }

  /** Opens `input` and saves it to `output` as .docx, accepting or rejecting all changes first if asked. */
  resave(input: string, output: string, action: "none" | "accept" | "reject" = "none"): Promise<void> {
    return this.macro("Resave", [url(input), url(output), action], output);
  }

  /** Find & Replace All in LibreOffice, saved as .docx: an edit made by another editor. */
  replace(input: string, output: string, search: string, replacement: string): Promise<void> {
    const job = join(this.dir, "replace-job.txt");
    writeFileSync(job, `${search}\n${replacement}`);
    return this.macro("Replace", [url(input), url(output), url(job)], output);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * soffice exits 0 whether or not the macro ran; on a loaded machine a run now and then ends before the
   * document is saved. The output file is the proof: one more run when it is missing, then a clear error.
   */
  private async macro(name: string, args: readonly string[], output: string): Promise<void> {
    const quoted = args.map((a) => `"${a}"`).join(",");
    for (let attempt = 1; attempt <= 2; attempt++) {
      await this.run([`macro:///Standard.Gongwen.${name}(${quoted})`]);
      if (existsSync(output)) return;
    }
    throw new Error(`LibreOffice macro ${name} wrote no ${output}`);
  }

  /** soffice in its own process group, killed whole on timeout (soffice → oosplash → soffice.bin). */
  private run(args: readonly string[], timeoutMs = 120_000): Promise<void> {
    const profile = pathToFileURL(join(this.dir, "profile")).href;
    return new Promise((resolve, reject) => {
      const child = spawn(this.soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nolockcheck", ...args], {
        detached: true,
        stdio: "ignore",
        env: { ...process.env, LC_ALL: "C.UTF-8" },
      });
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
        reject(new Error(`soffice ${args.join(" ")} timed out`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function url(path: string): string {
  return pathToFileURL(path).href;
}
