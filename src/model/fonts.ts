/** The font profiles a data file may name (layout/fonts.ts holds the faces of each). */
export const FONT_PROFILES = ["default", "gbk"] as const;
