/**
 * Where each platform keeps installed fonts. Its own module: render's cached font notice stats these
 * folders on every run and must not load the scanning code to do so.
 */
import { join } from "node:path";
import { atRoot, envValue, type Host } from "../host.js";

/**
 * Where fonts are installed. Windows: the system folder and, since Windows 10 1809, the per-user one
 * (fonts installed without administrator rights). macOS: the system, local and user folders.
 */
export function fontFolders(host: Host): string[] {
  switch (host.platform) {
    case "win32": {
      const windows = envValue(host, "WINDIR") ?? envValue(host, "SystemRoot") ?? `${envValue(host, "SystemDrive") ?? "C:"}\\Windows`;
      const local = envValue(host, "LOCALAPPDATA");
      return [join(windows, "Fonts"), ...(local ? [join(local, "Microsoft", "Windows", "Fonts")] : [])];
    }
    case "darwin":
      return [atRoot(host, "System", "Library", "Fonts"), atRoot(host, "Library", "Fonts"), join(host.homedir, "Library", "Fonts")];
    default: {
      const data = envValue(host, "XDG_DATA_HOME") ?? join(host.homedir, ".local", "share");
      return [...new Set([atRoot(host, "usr", "share", "fonts"), atRoot(host, "usr", "local", "share", "fonts"), join(data, "fonts"), join(host.homedir, ".fonts")])];
    }
  }
}
