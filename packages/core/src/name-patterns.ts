/**
 * Whether a cookie or storage key name matches a name or a `prefix*` pattern.
 * @example nameMatches("_ga_ABC123", "_ga_*") // true
 */
export function nameMatches(name: string, pattern: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
