import type { Operation } from '../warest/catalog';

/**
 * The All actions search: an operation matches when every typed word is somewhere in its label,
 * id, method, path or category; matches are ranked by how well the words fit the label, so
 * "session list" puts "List sessions" above "List linked devices" (whose path merely holds
 * "sessions"). Ties keep the catalog's order.
 */

/** The search's words, lower case. */
export function searchWords(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

const labelWords = (label: string) => label.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How well one word fits: a whole word of the label 3, the start of one 2, inside the label 1, elsewhere 0.5, nowhere 0. */
function wordScore(word: string, label: string, words: readonly string[], rest: string): number {
  if (words.includes(word)) return 3;
  if (words.some((w) => w.startsWith(word))) return 2;
  if (label.includes(word)) return 1;
  return rest.includes(word) ? 0.5 : 0;
}

/** The operation's score for these words; 0 when a word is found nowhere. */
export function matchScore(operation: Operation, words: readonly string[]): number {
  const label = operation.label.toLowerCase();
  const inLabel = labelWords(operation.label);
  const rest = `${operation.id} ${operation.method} ${operation.path} ${operation.category}`.toLowerCase();
  let total = 0;
  for (const word of words) {
    const score = wordScore(word, label, inLabel, rest);
    if (score === 0) return 0;
    total += score;
  }
  return total;
}

/** The operations matching the search, best first (all of them, in order, for an empty search). */
export function rankOperations<T extends Operation>(operations: readonly T[], search: string): T[] {
  const words = searchWords(search);
  if (words.length === 0) return [...operations];
  return operations
    .map((operation, index) => ({ operation, index, score: matchScore(operation, words) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.operation);
}
