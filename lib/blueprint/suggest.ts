// "Did you mean" hints for misspelt keys, names and enum values.
import { distance } from "fastest-levenshtein";

const normalize = (word: string) => word.toLowerCase().replace(/[-_\s]/g, "");

/** The closest candidate when it is close enough to be a likely typo, else undefined. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalize(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = normalize(candidate) === wanted ? 0 : distance(wanted, normalize(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? "" : `; did you mean "${match}"?`;
}
