import { diagnostic, GongwenError } from "../errors.js";
import type { EntryMetadata } from "./metadata.js";

/** Why issue refuses, in words the 档案员 can act on. Exit 5: the archive already holds something else. */

export const EXIT_CONFLICT = 5;

export function conflict(docNumber: string, current: EntryMetadata, dir: string, concurrent: boolean): GongwenError {
  const when = current.issuedAt.slice(0, 19).replace("T", " ");
  return new GongwenError(
    [
      diagnostic({
        file: dir,
        zh:
          `${docNumber} 已归档（第 ${current.version} 版，${when} 签发${concurrent ? "，由同时运行的另一进程写入" : ""}），本次内容与之不同，拒绝覆盖。` +
          `如确需重新签发，请加 --reissue --reason "原因"（旧版保留）`,
        en:
          `${docNumber} is already archived (version ${current.version}, issued ${when}${concurrent ? " by another process running at the same time" : ""}) ` +
          `with different content; refused. To reissue, add --reissue --reason "why" (the old version is kept)`,
        rule: "archive-conflict",
      }),
    ],
    EXIT_CONFLICT,
  );
}

export function concurrentReissue(docNumber: string, expected: number, found: number, dir: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        file: dir,
        zh: `${docNumber} 在本次签发期间已被另一进程重新签发（第 ${found} 版，本次准备替换的是第 ${expected} 版），未写入。请查看后重试`,
        en: `${docNumber} was reissued by another process meanwhile (now version ${found}; this run meant to replace version ${expected}); nothing written. Check and retry`,
        rule: "archive-conflict",
      }),
    ],
    EXIT_CONFLICT,
  );
}

export function usage(zh: string, en: string): GongwenError {
  return new GongwenError([diagnostic({ zh, en, rule: "archive-usage" })], 64);
}

export function brokenEntry(dir: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        file: dir,
        zh: "档案库中此发文字号的文件夹已存在但无法读取其 metadata.json，未写入。请先运行 gongwen archive verify 查明",
        en: "the archive already has a folder for this number but its metadata.json cannot be read; nothing written. Run gongwen archive verify first",
        rule: "archive-incomplete",
      }),
    ],
    6,
  );
}

/** The register cannot be trusted: nothing is added to an archive whose record of itself is broken. */
export function registerUntrusted(file: string, why: string, whyEn: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        file,
        zh: `档案库的登记簿${why}，未写入。请先运行 gongwen archive verify 查明`,
        en: `the archive's register ${whyEn}; nothing written. Run gongwen archive verify first`,
        rule: "archive-register",
      }),
    ],
    6,
  );
}

/** The register and the folders disagree about this number's versions (one was deleted or planted). */
export function versionsDisagree(docNumber: string, dir: string, registered: readonly number[], found: readonly number[]): GongwenError {
  const list = (numbers: readonly number[]) => (numbers.length > 0 ? numbers.map((n) => `v${n}`).join("、") : "无 none");
  return new GongwenError(
    [
      diagnostic({
        file: dir,
        zh: `${docNumber} 登记在册的版本（${list(registered)}）与档案库中的（${list(found)}）不符，有版本被删除或放入，未写入。请先运行 gongwen archive verify 查明`,
        en: `${docNumber}: the registered versions (${list(registered)}) differ from those in the archive (${list(found)}): a version was deleted or planted; nothing written. Run gongwen archive verify first`,
        rule: "archive-missing",
      }),
    ],
    6,
  );
}

/** Two spellings of one number (case, compatibility ideographs) must never become two folders. */
export function numberCollision(docNumber: string, existing: string, dir: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        file: dir,
        zh: `${docNumber} 与已归档的 ${existing} 只差大小写或字形的等价写法，是同一个发文字号，不能另立一件，未写入`,
        en: `${docNumber} differs from the archived ${existing} only by case or an equivalent character form: it is the same number and cannot be a second entry; nothing written`,
        rule: "archive-collision",
      }),
    ],
    EXIT_CONFLICT,
  );
}
