/** Two lists, each in the order `before` defines, as one list in that order (a merge, not a sort). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], before: (x: T, y: T) => boolean): T[] {
  if (!a.length || !b.length) return a.length ? [...a] : [...b];
  const out: T[] = [];
  let i = 0;
  let j = 0;
  // On a tie the item of `a` comes first.
  while (i < a.length && j < b.length) out.push(before(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  return out.concat(a.slice(i), b.slice(j));
}
