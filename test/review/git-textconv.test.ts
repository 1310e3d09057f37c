import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/data.js";
import { BIN } from "../helpers/cli.js";
import { ensureBuilt } from "./helpers/cli.js";
import { REWRITE, secondAndThirdDrafts, type DraftFiles } from "./helpers/drafts.js";

/**
 * `gongwen text` as a git textconv driver, with real git: the setup a user follows
 *   .gitattributes:  *.docx diff=gongwen
 *   git config diff.gongwen.textconv "gongwen text"
 * and `git diff` then shows changed sentences of .docx files as text lines.
 */

describe("gongwen text as a git textconv driver", () => {
  let repo: string;
  let second: DraftFiles;
  let third: DraftFiles;
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: repo,
      encoding: "utf8",
      // A user's or the system's git configuration must not change what this test sees.
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", HOME: repo, LC_ALL: "C.UTF-8" },
    });

  beforeAll(async () => {
    ensureBuilt();
    ({ second, third } = await secondAndThirdDrafts());
    repo = tempDir("gongwen-git-");
    git("init", "-q", "-b", "main");
    git("config", "user.name", "测试");
    git("config", "user.email", "test@example.invalid");
    git("config", "core.quotepath", "false");
    git("config", "diff.gongwen.textconv", `"${process.execPath}" "${BIN}" text`);
    writeFileSync(join(repo, ".gitattributes"), "*.docx diff=gongwen\n");
    copyFileSync(second.docx, join(repo, "通报.docx"));
    git("add", ".");
    git("commit", "-q", "-m", "第二稿");
    copyFileSync(third.docx, join(repo, "通报.docx"));
    git("commit", "-q", "-am", "第三稿");
  }, 240_000);

  it("shows the changed sentences of a .docx as -/+ text lines", () => {
    const diff = git("diff", "HEAD~1", "HEAD", "--", "通报.docx");
    expect(diff).not.toContain("Binary files");
    const removed = diff.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"));
    const added = diff.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++"));
    expect(removed).toContain("-青政务〔2022〕3号");
    expect(added).toContain("+青政务〔2022〕4号");
    expect(removed).toContain("-2022年1月27日");
    expect(added).toContain("+2022年1月28日");
    expect(removed.some((l) => l.includes(REWRITE.before))).toBe(true);
    expect(added.some((l) => l.includes(REWRITE.after))).toBe(true);
    expect(added).toContain("+抄送：省政府办公厅，省发展改革委。");
  });

  it("gives character-level changes with git diff --word-diff and a UTF-8 character wordRegex", () => {
    // git splits words at whitespace, which Chinese lacks; this regex makes each UTF-8 character a
    // word. Its bytes (0x80-0xbf) are not valid UTF-8 on their own, so they go into the file directly.
    appendFileSync(join(repo, ".git", "config"), Buffer.concat([Buffer.from('[diff "gongwen"]\n\twordRegex = [^'), Buffer.from([0x80, 0x2d, 0xbf]), Buffer.from("]["), Buffer.from([0x80, 0x2d, 0xbf]), Buffer.from("]*\n")]));
    const diff = git("diff", "--word-diff=plain", "HEAD~1", "HEAD", "--", "通报.docx");
    expect(diff).toContain("\n青政务〔2022〕[-3-]{+4+}号\n");
    expect(diff).toContain("2022年1月2[-7-]{+8+}日");
  });

  it("shows no text change when the .docx bytes change but the text does not", () => {
    // A data file and its rendering: different bytes, same text.
    copyFileSync(second.docx, join(repo, "通报.docx"));
    git("commit", "-q", "-am", "退回第二稿");
    copyFileSync(second.docx, join(repo, "副本.docx"));
    git("add", "副本.docx");
    git("commit", "-q", "-m", "副本");
    expect(git("diff", "HEAD~3", "HEAD~1", "--", "通报.docx")).toBe("");
  });
});
