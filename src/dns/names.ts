/**
 * DNS names compare case-insensitively and with or without the root dot; one spelling everywhere keeps
 * cache keys, question matching and CNAME-loop checks honest.
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}
