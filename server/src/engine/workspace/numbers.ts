/**
 * RFC numbers as the workspace rules compare them: `2026-003`, `2026-3` and `2026_003`
 * are one number (the year and the number's value), so a mention or a file name written a
 * little differently still finds its RFC. Other numbers (a team's `ADR-7`) compare as
 * written, case aside.
 */
const YEAR_NUMBER = /^(\d{4})[-_./](\d{1,9})$/;

/**
 * The most digits an RFC number's last part may have. Longer ones are reported (metadata)
 * and never drive numbering: past 15 digits a JavaScript number loses its last digits
 * (`2026-9007199254740993` reads as ...992), and past 21 it prints as `1e+23`.
 */
export const MAX_NUMBER_DIGITS = 9;

/** The form numbers are compared in. */
export function numberKey(number: string): string {
  const trimmed = number.trim();
  const m = YEAR_NUMBER.exec(trimmed);
  return m ? `${m[1]}-${Number(m[2])}` : trimmed.toLowerCase();
}

/** The `YYYY-NNN` number a file name starts with (`2026-003-search-cache.md` → `2026-003`). */
export function fileNameNumber(fileName: string): string | undefined {
  return /^(\d{4}-\d{1,9})(?=[-_. ]|$)/.exec(fileName)?.[1];
}
