const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/** The closest candidate, when it is close enough to be a likely typo. */
export const closestMatch = (word: string, candidates: readonly string[]): string | undefined => {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return best && best.distance <= tolerance ? best.candidate : undefined;
};

export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const match = closestMatch(word, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
};
