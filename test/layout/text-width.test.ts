import { describe, expect, it } from "vitest";
import { breakLines, charAdvanceEm, charUnits, isWide, linesNeeded, textWidth } from "../../src/layout/text-width.js";

const han = (n: number) => "汉".repeat(n);

describe("textWidth", () => {
  it("gives a CJK character one em plus tracking", () => {
    expect(textWidth("汉")).toBeCloseTo(15.75, 6);
    expect(textWidth(han(28))).toBeCloseTo(441, 6);
    expect(textWidth("汉", { fontSizePt: 22 })).toBeCloseTo(21.75, 6);
    expect(textWidth("汉", { trackingPt: 0 })).toBe(16);
  });

  it("uses Times New Roman advances for ASCII", () => {
    expect(charAdvanceEm("0".codePointAt(0) ?? 0)).toBe(0.5);
    expect(textWidth("W", { fontSizePt: 10, trackingPt: 0 })).toBeCloseTo(9.44, 6);
    expect(textWidth("il", { fontSizePt: 10, trackingPt: 0 })).toBeCloseTo(5.56, 6);
    expect(textWidth("2021")).toBeCloseTo(4 * 7.75, 6);
  });

  it("treats CJK punctuation, curly quotes and dashes as full width", () => {
    for (const ch of "，。、；：？！“”‘’《》（）〔〕【】—…·") expect(isWide(ch.codePointAt(0) ?? 0), ch).toBe(true);
    expect(textWidth("“”‘’", { trackingPt: 0 })).toBe(64);
  });

  it("counts a character outside the BMP once", () => {
    expect(textWidth("𠀀")).toBeCloseTo(15.75, 6);
    expect(charUnits("𠀀𠀀")).toBeCloseTo(2, 6);
  });

  it("ignores combining marks and zero-width characters", () => {
    expect(textWidth("汉\u200b汉\ufe0f")).toBeCloseTo(31.5, 6);
  });

  it("adds autospace between Asian and Western letters or digits", () => {
    expect(textWidth("汉2021汉")).toBeCloseTo(2 * 15.75 + 31 + 2 * 3.2, 6);
    expect(textWidth("汉2021汉", { asianLatinSpacingEm: 0 })).toBeCloseTo(2 * 15.75 + 31, 6);
    expect(textWidth("，2021。")).toBeCloseTo(2 * 15.75 + 31, 6); // no autospace next to punctuation
  });
});

describe("charUnits", () => {
  it("measures in 3号 字 of 15.75 pt", () => {
    expect(charUnits(han(28))).toBeCloseTo(28, 6);
    expect(charUnits("2021")).toBeCloseTo(31 / 15.75, 6); // about 4 × 0.5 字
    expect(charUnits("")).toBe(0);
  });
});

describe("linesNeeded on the 28-character grid", () => {
  it("fits exactly 28 CJK characters on a 442.25 pt line", () => {
    expect(linesNeeded(han(28))).toBe(1);
    expect(linesNeeded(han(29))).toBe(2);
    expect(linesNeeded(han(56))).toBe(2);
    expect(linesNeeded(han(57))).toBe(3);
  });

  it("fits 26 characters after a 2-character first-line indent", () => {
    expect(linesNeeded(han(26), { firstLineIndentChars: 2 })).toBe(1);
    expect(breakLines(han(27), { firstLineIndentChars: 2 })).toEqual([han(26), han(1)]);
    expect(breakLines(han(55), { firstLineIndentChars: 2 })).toEqual([han(26), han(28), han(1)]);
  });

  it("fits 20 characters of 2号 title text", () => {
    expect(breakLines(han(25), { fontSizePt: 22 })).toEqual([han(20), han(5)]);
  });

  it("still needs one line for an empty paragraph and honours hard breaks", () => {
    expect(linesNeeded("")).toBe(1);
    expect(linesNeeded("一\n二\n")).toBe(3);
    expect(breakLines(`${han(27)}\n${han(28)}`, { firstLineIndentChars: 2 })).toEqual([han(26), han(1), han(28)]);
  });

  // Each case below was rendered by LibreOffice 7.4 from a docx with the spec §1.4 defaults.
  const measured: Array<[string, string, string[]]> = [
    ["closing quote pulls the previous character down", `${han(28)}”${han(5)}`, [han(27), `汉”${han(5)}`]],
    ["closing book-title mark pulls too", `${han(28)}》${han(5)}`, [han(27), `汉》${han(5)}`]],
    ["opening quote never ends a line", `${han(27)}“${han(5)}`, [han(27), `“${han(5)}`]],
    ["a full stop hangs in the margin", `${han(28)}。`, [`${han(28)}。`]],
    ["a comma hangs, the next line starts after it", `${han(28)}，${han(5)}`, [`${han(28)}，`, han(5)]],
    ["only one mark hangs: 。” pulls two characters", `${han(28)}。”${han(5)}`, [han(27), `汉。”${han(5)}`]],
    ["。” at the margin", `${han(27)}。”${han(5)}`, [han(26), `汉。”${han(5)}`]],
    ["a Latin word moves whole", `${han(25)}Liberation${han(10)}`, [han(25), `Liberation${han(10)}`]],
    ["digits with autospace", `${han(20)}2021${han(20)}`, [`${han(20)}2021${han(5)}`, han(15)]],
    ["a number may end a line before 年", `${han(25)}2021年${han(5)}`, [`${han(25)}2021`, `年${han(5)}`]],
    ["a number that does not fit moves whole", `${han(26)}2021年${han(5)}`, [han(26), `2021年${han(5)}`]],
    ["letters with autospace", `${han(26)}ab${han(5)}`, [`${han(26)}ab`, han(5)]],
    ["six letters fit after 25 characters", `${han(25)}abcdef${han(5)}`, [`${han(25)}abcdef`, han(5)]],
    ["a space is a break opportunity", `${han(25)}A B C D E${han(5)}`, [`${han(25)}A B C `, `D E${han(5)}`]],
    ["a 破折号 stays whole", `${han(27)}——${han(5)}`, [han(27), `——${han(5)}`]],
    ["digits after 26 characters move down", `${han(26)}2021`, [han(26), "2021"]],
    ["COVID-19 may break after the hyphen", `${han(24)}COVID-19${han(3)}`, [`${han(24)}COVID-`, `19${han(3)}`]],
  ];
  it.each(measured)("%s", (_name, text, lines) => {
    expect(breakLines(text)).toEqual(lines);
  });

  it("breaks a word longer than a line anywhere", () => {
    const word = "abcdefghijklmnopqrstuvwxyz".repeat(3);
    const lines = breakLines(`${han(20)}${word}${han(5)}`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(word.slice(0, 63));
  });

  it("can turn hanging punctuation off", () => {
    expect(breakLines(`${han(28)}。`, { hangingPunctuation: false })).toEqual([han(27), "汉。"]);
  });

  it("models Word's tracking on every character when asked", () => {
    expect(linesNeeded(han(28), { engine: "word" })).toBe(1);
    expect(linesNeeded(`${han(26)}2021`, { engine: "word" })).toBe(2); // ¼ em autospace
    expect(linesNeeded(`${han(26)}2021`, { engine: "word", asianLatinSpacingEm: 0 })).toBe(1);
  });

  it("breaks a body paragraph where LibreOffice does", () => {
    const paragraph = "为深入贯彻落实党中央、国务院关于安全生产工作的决策部署，进一步压实安全生产责任，现将2024年度全省安全生产大检查有关事项通知如下。";
    expect(breakLines(paragraph, { firstLineIndentChars: 2 })).toEqual([
      "为深入贯彻落实党中央、国务院关于安全生产工作的决策部",
      "署，进一步压实安全生产责任，现将2024年度全省安全生产大",
      "检查有关事项通知如下。",
    ]);
  });
});
