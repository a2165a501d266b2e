/** With VERKSAM_TIMINGS=1, each stage's time and the memory in use after it go to standard error: where a slow build spends it. */
export function stopwatch(): (stage: string) => void {
  if (!process.env.VERKSAM_TIMINGS) return () => {};
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    process.stderr.write(`verksam: ${stage}: ${Math.round(now - last)} ms (${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)\n`);
    last = now;
  };
}
