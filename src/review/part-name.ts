/**
 * Resolves a relationship target to a part name inside an OPC package. Targets are IRIs: absolute,
 * relative with `..`, or percent-encoded.
 */
export function resolvePartName(dir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character in a name written by a careless tool.
  }
  const segments = decoded.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const segment of decoded.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}
