// The service's rule for a date a person typed (src/common/dates.ts): it is in the future only once it has begun
// nowhere on Earth, i.e. it is after today's date at UTC+14. The app checks the same rule before sending.
const LATEST_ZONE_OFFSET_MS = 14 * 3_600_000;

export const latestToday = (now = new Date()): string => new Date(now.getTime() + LATEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);

export const isFutureDate = (date: string, now = new Date()): boolean => date > latestToday(now);
