import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Who may talk to the editor: only this machine's browser, on the address the server printed.
 * - Host must name the server itself (127.0.0.1 or localhost with its port): a web page whose own name
 *   was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name and is refused.
 * - Origin, when sent, must be the server's own: another site's page cannot post to it.
 * - A token made at each start travels in the printed address; the page exchanges it for a cookie
 *   (HttpOnly, SameSite=Strict) and every request must carry the cookie or the X-Gongwen-Token header.
 */

export const TOKEN_COOKIE = "gongwen_token";
export const TOKEN_HEADER = "x-gongwen-token";

export class Guard {
  readonly token = randomBytes(24).toString("hex");
  private hosts = new Set<string>();
  private origins = new Set<string>();

  /** Called once the port is known. */
  listening(port: number): void {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
  }

  /** Host and Origin problems, as a reason to refuse; undefined when the request may proceed. */
  refusal(request: IncomingMessage): string | undefined {
    const host = request.headers.host?.toLowerCase();
    if (!host || !this.hosts.has(host)) return "host";
    const origin = request.headers.origin;
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) return "origin";
    // A browser tells where a request comes from even when it sends no Origin (a GET of another site).
    const site = request.headers["sec-fetch-site"];
    if (typeof site === "string" && site !== "same-origin" && site !== "none") return "site";
    return undefined;
  }

  /** The token in the cookie or the header equals this start's token. */
  authorised(request: IncomingMessage): boolean {
    const header = request.headers[TOKEN_HEADER];
    const presented = typeof header === "string" ? header : cookieValue(request.headers.cookie, TOKEN_COOKIE);
    return presented !== undefined && this.matches(presented);
  }

  matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  cookie(): string {
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}
