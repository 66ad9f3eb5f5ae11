/**
 * The runs list's filter: a regular expression, case-insensitive, as in TensorBoard's run
 * selector. Text that is not a valid expression is matched literally, so typing `model(`
 * half-way still filters instead of emptying the list.
 */
export interface RunFilter {
  readonly valid: boolean;
  matches(name: string): boolean;
}

export function runFilter(pattern: string): RunFilter {
  if (pattern === '') return { valid: true, matches: () => true };
  try {
    const re = new RegExp(pattern, 'i');
    return { valid: true, matches: (name) => re.test(name) };
  } catch {
    const needle = pattern.toLowerCase();
    return { valid: false, matches: (name) => name.toLowerCase().includes(needle) };
  }
}
