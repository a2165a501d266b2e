import { describe, expect, it } from 'vitest';
import { RenderShare } from '../../src/session/render-share.js';

/*
 * The render worker builds its own graph and routes (session/render-worker.ts); when they are
 * not the main thread's, its pages would be another site's: that is a bug, said loudly.
 */
describe('the render worker', () => {
  it('refuses to render when its routes are not the main thread’s, and stops', async () => {
    const input = { files: [], drafts: false, today: '2021-05-05', images: new Map(), attachments: new Map(), hashes: new Map() };
    const share = new RenderShare(input, ['/', '/nyheter/'], [0, 1], ['a', 'b'], 'always');
    try {
      expect(share.claim(0)).toBe(true);
      expect(share.claim(1), 'the second half is the worker’s').toBe(false);
      await expect(share.rest()).rejects.toThrow(/the render worker's routes differ from the main thread's/);
    } finally {
      await share.stop();
    }
  });
});
