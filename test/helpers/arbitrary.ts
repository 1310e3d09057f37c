import fc from "fast-check";
import type { CircularDocumentInput } from "../../src/kinds/assessment-circular/schema.js";

/**
 * Random valid circulars: Chinese (with characters outside the BMP) and ASCII text within the schema's
 * rules, lists of points, dates in order, with and without 附注, attachments and 抄送.
 */

const HAN = [..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处府𠀀𪚥"];
const ASCII = [..."ABCXYZabcxyz0123456789-_&<>'\"{}#*"];
const PUNCT = [..."，。、；：“”（）《》—…·％"];

const word = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HAN) }, { weight: 2, arbitrary: fc.constantFrom(...ASCII) }, { weight: 1, arbitrary: fc.constantFrom(...PUNCT) }), {
  minLength: 1,
  maxLength: 12,
}).map((chars) => chars.join(""));
/** One line: words, sometimes with a single space between ASCII words. */
/** Cut by code points, never inside a surrogate pair. */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");
const line = (max = 40) =>
  fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "", " "))
    .map(([words, separator]) => cut(words.join(separator), max).trim())
    .filter((t) => t.length > 0);
const hanOnly = (min: number, max: number) => fc.array(fc.constantFrom(...HAN.slice(0, 200)), { minLength: min, maxLength: max }).map((c) => c.join(""));
const paragraph = fc.array(line(60), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("，") + "。");
const point = fc.record({ title: line(30).map((t) => `${t}。`), text: paragraph });

const iso = (date: Date) => date.toISOString().slice(0, 10);
const DAY = 86_400_000;
const dates = fc
  .record({ signed: fc.date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }), a: fc.nat(400), b: fc.nat(400), c: fc.nat(30) })
  .map(({ signed, a, b, c }) => {
    const s = Date.UTC(signed.getUTCFullYear(), signed.getUTCMonth(), signed.getUTCDate());
    return { start: iso(new Date(s - (a + b) * DAY)), end: iso(new Date(s - b * DAY)), signedOn: iso(new Date(s)), printedOn: iso(new Date(s + c * DAY)), year: new Date(s).getUTCFullYear() };
  });

export const circularArbitrary = fc
  .record({
    dates,
    code: hanOnly(1, 5),
    serial: fc.integer({ min: 1, max: 9999 }),
    issuer: hanOnly(4, 16),
    title: fc.oneof(line(60).map((t) => `${t}的通报`), fc.array(line(30), { minLength: 1, maxLength: 3 }).map((lines) => [...lines.slice(0, -1), `${lines.at(-1) ?? ""}的通报`])),
    addressees: fc.array(line(30), { minLength: 1, maxLength: 5 }),
    seal: fc.constantFrom("manual", "none"),
    note: fc.option(fc.record({ publicity: fc.constantFrom("主动公开", "依申请公开", "不予公开"), placement: fc.constantFrom("below-date", "colophon") }), { nil: undefined }),
    attachments: fc.array(fc.record({ title: line(30).map((t) => `${t}表`), paragraphs: fc.array(paragraph, { maxLength: 2 }) }), { maxLength: 2 }),
    copyTo: fc.array(line(20), { maxLength: 3 }),
    name: line(30),
    basis: line(40).map((t) => `关于${t}的通知`),
    methods: fc.array(line(10), { minLength: 1, maxLength: 4 }),
    summary: paragraph,
    baseline: fc.array(point, { minLength: 1, maxLength: 6 }),
    highlights: fc.array(point, { minLength: 1, maxLength: 4 }),
    problems: fc.array(point, { minLength: 1, maxLength: 4 }),
    awarded: fc.uniqueArray(line(20), { minLength: 1, maxLength: 4 }),
    closing: paragraph,
  })
  .map(
    (r): CircularDocumentInput => ({
      kind: "assessment-circular",
      envelope: {
        issuers: [{ name: r.issuer }],
        docNumber: { code: r.code, year: r.dates.year, serial: r.serial },
        title: r.title,
        addressees: r.addressees,
        signedOn: r.dates.signedOn,
        seal: r.seal as "manual" | "none",
        ...(r.note ? { note: r.note as CircularDocumentInput["envelope"]["note"] } : {}),
        attachments: r.attachments,
        colophon: { copyTo: r.copyTo, printer: r.issuer, printedOn: r.dates.printedOn },
      },
      content: {
        assessment: {
          year: r.dates.year - 1 < 1949 ? r.dates.year : r.dates.year - 1,
          name: r.name,
          shortName: cut(r.name, 8).trim() || r.name,
          conductedBy: r.issuer,
          basis: { title: r.basis, number: `${r.code}〔${r.dates.year - 1}〕${r.serial}号` },
          period: { start: r.dates.start, end: r.dates.end },
          methods: r.methods,
          dimensions: r.methods,
          subjects: r.name,
        },
        baseline: { summary: r.summary, points: r.baseline },
        highlights: { points: r.highlights },
        problems: { intro: r.summary, points: r.problems },
        results: { awarded: r.awarded, closing: r.closing },
      },
    }),
  );

