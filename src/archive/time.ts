/** `2026-03-07T09:30:00.123+08:00`: local time with its offset, as the clerk's clock read it. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");
  const local = new Date(date.getTime() + offset * 60_000);
  return `${local.toISOString().slice(0, 23)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
