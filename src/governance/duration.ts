const DAY_MS = 86_400_000;

const UNITS: Record<string, number> = { d: 1, w: 7, y: 365 };

/** `90d`, `12w`, `1y` or a bare number of days; undefined when the text is none of those. */
export function parseMaxAge(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isInteger(text) && text > 0 ? text : undefined;
  const match = /^\s*(\d+)\s*([dwy]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const days = Number(match[1]) * (UNITS[(match[2] || 'd').toLowerCase()] ?? 1);
  return days > 0 ? days : undefined;
}

/** A `YYYY-MM-DD` date or a full ISO 8601 timestamp; undefined when it is neither or not a real date. */
export function parseDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return undefined;
  const date = new Date(text.trim().length === 10 ? `${text.trim()}T00:00:00Z` : text.trim());
  if (Number.isNaN(date.getTime())) return undefined;
  if (text.trim().length === 10 && date.toISOString().slice(0, 10) !== text.trim()) return undefined;
  return date;
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
