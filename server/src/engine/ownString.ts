/**
 * A copy of a string that keeps nothing of the text it was cut from.
 *
 * Why: V8 keeps a slice of 13 or more characters as a view into the string it was sliced
 * from, and a concatenation as the pair of its parts. A title, a status or a finding's
 * message taken from an analysis is such a view of the whole document's text, so keeping it
 * keeps the text alive: the workspace index of 10,000 RFCs held 26 MB instead of 11, and
 * rfc-lint's peak memory over them went from 210 to 330 MB, when plain inline text became
 * slices of the document (plainInline.ts). What outlives an analysis (index entries,
 * rfc-lint's findings) is copied with this. Shorter strings are always copies already.
 */
const SHORTEST_VIEW = 13;

export function ownString(text: string): string {
  // Joining makes a pair; slicing a pair first copies both parts into one new string.
  return text.length < SHORTEST_VIEW ? text : (' ' + text).slice(1);
}
