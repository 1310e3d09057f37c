/**
 * The archive's documented limits (docs/archive.md). Each one bounds work or memory that a single hostile
 * or mistaken value could otherwise make unbounded: a 件号 of 10^12 edited into metadata.json, a file
 * swapped for /dev/zero, a 发文字号 longer than a file name may be.
 */

/** 件号 run 0001 … 999999 per year (four digits padded, up to six). */
export const MAX_ITEM_NUMBER = 999_999;

/** 发文顺序号 as the archive accepts it: nine digits (〔2022〕20220003号, a year-prefixed serial, fits). */
export const MAX_SERIAL = 999_999_999;

/** metadata.json is a few kilobytes; anything past this is not one. */
export const MAX_METADATA_BYTES = 1024 * 1024;

/** manifest.sha256 lists four files: a few hundred bytes. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

/** Linux and macOS limit one file name to 255 bytes; an entry's longest file name is `<发文字号>.yaml`. */
export const MAX_NAME_BYTES = 255;
