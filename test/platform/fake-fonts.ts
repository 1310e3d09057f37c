/**
 * Minimal TrueType files and collections, byte for byte as the OpenType spec lays them out, holding a
 * `name` table and nothing else: what a font folder scan reads. Windows names its faces in English and,
 * for Chinese faces, in Chinese too (language 0x0804).
 */

export interface FaceNames {
  /** English family name (Windows language 0x0409). */
  readonly en: string;
  /** Chinese family name (0x0804), as Chinese faces carry. */
  readonly zh?: string;
  /** Typographic family (nameID 16), as large families carry. */
  readonly typographic?: string;
}

function nameTable(face: FaceNames): Buffer {
  const records: Array<{ language: number; nameId: number; text: string }> = [{ language: 0x0409, nameId: 1, text: face.en }];
  if (face.zh) records.push({ language: 0x0804, nameId: 1, text: face.zh });
  if (face.typographic) records.push({ language: 0x0409, nameId: 16, text: face.typographic });
  // A style name (nameID 2), which must not be taken for a family.
  records.push({ language: 0x0409, nameId: 2, text: "Regular" });
  const strings = records.map((record) => Buffer.from(record.text, "utf16le").swap16());
  const storage = 6 + 12 * records.length;
  const header = Buffer.alloc(storage);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(storage, 4);
  let offset = 0;
  records.forEach((record, i) => {
    const at = 6 + 12 * i;
    header.writeUInt16BE(3, at); // Windows
    header.writeUInt16BE(1, at + 2); // Unicode BMP
    header.writeUInt16BE(record.language, at + 4);
    header.writeUInt16BE(record.nameId, at + 6);
    header.writeUInt16BE(strings[i]!.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

/** One face whose table directory starts at `base` in its file (0 for a lone face). */
function face(names: FaceNames, base: number): Buffer {
  const table = nameTable(names);
  const directory = Buffer.alloc(12 + 16);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(1, 4);
  directory.write("name", 12, "latin1");
  directory.writeUInt32BE(base + 28, 20);
  directory.writeUInt32BE(table.length, 24);
  return Buffer.concat([directory, table]);
}

export function ttf(names: FaceNames): Buffer {
  return face(names, 0);
}

export function ttc(...faces: FaceNames[]): Buffer {
  const header = Buffer.alloc(12 + 4 * faces.length);
  header.write("ttcf", 0, "latin1");
  header.writeUInt16BE(1, 4);
  header.writeUInt32BE(faces.length, 8);
  const parts: Buffer[] = [header];
  let offset = header.length;
  faces.forEach((names, i) => {
    header.writeUInt32BE(offset, 12 + 4 * i);
    const bytes = face(names, offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  return Buffer.concat(parts);
}

/** The Chinese faces every Windows since Vista ships, under their file names. */
export const WINDOWS_CHINESE_FONTS: Readonly<Record<string, Buffer>> = {
  "simfang.ttf": ttf({ en: "FangSong", zh: "仿宋" }),
  "simkai.ttf": ttf({ en: "KaiTi", zh: "楷体" }),
  "simhei.ttf": ttf({ en: "SimHei", zh: "黑体" }),
  "simsun.ttc": ttc({ en: "SimSun", zh: "宋体" }, { en: "NSimSun", zh: "新宋体" }),
  "times.ttf": ttf({ en: "Times New Roman" }),
};
