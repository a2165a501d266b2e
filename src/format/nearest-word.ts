/*
 * "Menade du …?" for a mistyped word: the candidate fewest keystrokes away, counting two
 * swapped letters as one slip ("biuld" → "build"), as long as enough of the word is right.
 */

/** Edits between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours. */
export function typingDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate nearest to `word`, or undefined when none is near enough to be a guess worth making. */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = typingDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // a third of the word may be wrong, at least one letter, at most two
  return bestDistance <= Math.min(2, Math.max(1, Math.floor(typed.length / 3))) ? best : undefined;
}
