/**
 * The goals an indicator measures: the nodes it names, or, for a sub-measure that names none, its parent's
 * (up the chain). A sub-measure thus counts toward its parent's goals unless it names goals of its own.
 */
export function effectiveNodeKeys<T extends { key: string; parent: string | null; nodes: readonly string[] }>(indicators: readonly T[]): Map<string, string[]> {
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const resolved = new Map<string, string[]>();
  const resolve = (indicator: T, seen: Set<string>): string[] => {
    const known = resolved.get(indicator.key);
    if (known) return known;
    const parent = indicator.parent === null ? undefined : byKey.get(indicator.parent);
    // A cycle cannot pass validation; stopping at one keeps a corrupt row from hanging a request.
    const nodes = indicator.nodes.length > 0 || !parent || seen.has(parent.key) ? [...indicator.nodes] : resolve(parent, new Set([...seen, indicator.key]));
    resolved.set(indicator.key, nodes);
    return nodes;
  };
  for (const indicator of indicators) resolve(indicator, new Set([indicator.key]));
  return resolved;
}
