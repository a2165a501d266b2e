/** Debian's Chromium: the only browser verksam uses (PDFs) and tests with. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Headless Chromium as root on a machine without network: no sandbox, no GPU, and none of the
 * background connections that a closed network refuses many times a second.
 */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
