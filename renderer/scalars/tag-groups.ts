/**
 * Cards are grouped like TensorBoard's scalar dashboard: by the tag's first `/` segment
 * (`loss/train` and `loss/eval` under `loss`; a tag without `/` is its own group). Groups
 * and tags are in natural order, so `layer10` follows `layer9`.
 */
export interface TagGroup {
  readonly name: string;
  readonly tags: readonly string[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function groupTags(tags: Iterable<string>): TagGroup[] {
  const groups = new Map<string, string[]>();
  for (const tag of new Set(tags)) {
    const name = tag.split('/')[0]!;
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [tag]);
    else list.push(tag);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, list]) => ({ name, tags: list.sort((a, b) => collator.compare(a, b)) }));
}
