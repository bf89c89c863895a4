import { CookieJar } from 'tough-cookie';

/**
 * One shopper's cookies under RFC 6265's rules (domain, path, expiry, Secure) by tough-cookie. The jar is
 * made on the first Set-Cookie: a session that never gets one costs nothing.
 */
export class SessionJar {
  #jar: CookieJar | undefined;

  /** The Cookie header for `url`, or undefined when there is nothing to send. */
  cookieFor(url: string): string | undefined {
    if (!this.#jar) return undefined;
    const header = this.#jar.getCookieStringSync(url);
    return header === '' ? undefined : header;
  }

  /** Stores what an answer from `url` set; a malformed cookie is ignored, as a browser ignores it. */
  store(setCookies: readonly string[], url: string): void {
    if (setCookies.length === 0) return;
    this.#jar ??= new CookieJar();
    for (const line of setCookies) this.#jar.setCookieSync(line, url, { ignoreError: true });
  }

  /** A cookie's value as the jar holds it for `url`. */
  value(name: string, url: string): string | undefined {
    return this.#jar?.getCookiesSync(url).find((cookie) => cookie.key === name)?.value;
  }
}
