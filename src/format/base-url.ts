/*
 * The address a site is published at (site.yaml's baseUrl, --base-url). Every internal link
 * starts with it, so it must be an absolute http(s) address; it always ends in "/".
 */

/** Why `input` is no base URL, in Swedish for the editor; undefined when it is one. */
export function baseUrlProblem(input: string): string | undefined {
  if (!URL.canParse(input)) return `"${input}" är ingen fullständig adress; skriv den med https://, t.ex. https://exempel.se/`;
  const url = new URL(input);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `"${input}" börjar med ${url.protocol}; en webbplats publiceras på en adress som börjar med https:// (eller http://)`;
  }
  return undefined;
}

/** "https://org.github.io/repo?x#y" → "https://org.github.io/repo/". Throws on a base URL baseUrlProblem refuses. */
export function normaliseBaseUrl(baseUrl: string): string {
  if (baseUrlProblem(baseUrl)) throw new TypeError(`base URL must be an absolute http(s) address: ${baseUrl}`);
  const url = new URL(baseUrl);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}
