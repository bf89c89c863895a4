/**
 * Last year's peak minute by minute, from a CSV of `minute,sessions` (a header line is allowed; minutes
 * may be numbers or times, they only order the rows). Throws a message naming the line.
 */
export const parseCurve = (text: string, file: string): number[] => {
  const sessions: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((cell) => cell.trim());
    const value = Number(cells[1]);
    if (cells.length < 2 || cells[1] === '' || !Number.isFinite(value)) {
      if (index === 0 && cells.length >= 2) return; // the header
      throw new Error(`${file} line ${index + 1}: expected minute,sessions (e.g. 12:01,9000), found "${trimmed}"`);
    }
    if (value < 0) throw new Error(`${file} line ${index + 1}: sessions cannot be negative`);
    sessions.push(value);
  });
  if (sessions.length === 0) throw new Error(`${file}: no minute,sessions rows`);
  if (sessions.every((value) => value === 0)) throw new Error(`${file}: every minute has 0 sessions`);
  return sessions;
};
