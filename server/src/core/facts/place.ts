// Where a fact is: the place its thing stands at ("a 600 MW plant at Jamshoro"), and for a
// route's length the two places it joins ("connecting Gwadar to Kashghar that covers 3000kms",
// "Gwadar is to be linked to Kashgar by a route of some 2,000 km"). The places name the route, so
// two lengths of the same route are one fact, whatever countries or years their sentences name.
import { isMonthName } from '../claims/dates';
import { termsOf, type Vocabulary } from '../claims/terms';
import type { Figure, Span } from '../types';

const place = String.raw`(\p{Lu}[\p{L}'’]+(?:\s\p{Lu}[\p{L}'’]+)?)`;
/** "connecting Gwadar to Kashgar", "From Quetta up to Taftan", "between Karachi and Lahore", "tie Gwadar to Kashgar". */
const joining = new RegExp(String.raw`\b(?:[Ff]rom|[Bb]etween|[Cc]onnect\w*|[Ll]ink\w*|[Jj]oin\w*|[Tt]ie[sd]?|[Tt]ying)\s+(?:the\s+)?${place}\s+(?:(?:up|down|out|all\s+the\s+way)\s+)?(?:to|and|with)\s+(?:the\s+)?${place}`, 'u');
/** "Gwadar is to be linked to Kashgar", "Gwadar, which the corridor links with Kashgar". */
const joined = new RegExp(String.raw`${place}(?:(?:\s+(?:is|are|was|were|will|would|to|be|been|being|has|have|had|also|now|soon|already|finally)){0,5}|,\s+which\s+[^.;:]{0,50}?)\s+(?:link|connect|join|tie)\w*\s+(?:to|with)\s+(?:the\s+)?${place}`, 'u');

/** The two places the route a length measures joins, in its sentence, in lower case and in order; none for another length. */
export function routeOf(text: string, figure: Figure, sentence: Span): readonly [string, string] | undefined {
  if (figure.unit !== 'km') return undefined;
  const words = text.slice(sentence.start, sentence.end);
  const m = joining.exec(words) ?? joined.exec(words);
  if (!m) return undefined;
  if (isMonthName(m[1]!) || isMonthName(m[2]!)) return undefined;
  const [a, b] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
  return a < b ? [a, b] : [b, a];
}

/** Two routes join the same places, spelt either way ("Kashgar", "Kashghar"). */
export function sameRoute(a: readonly [string, string], b: readonly [string, string]): boolean {
  return (samePlace(a[0], b[0]) && samePlace(a[1], b[1])) || (samePlace(a[0], b[1]) && samePlace(a[1], b[0]));
}

/** The same name, or one letter added, dropped or changed in a name of five letters or more. */
function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
}

/**
 * Where the figure's thing is, as written: the place named by "at" or "in" after the figure in its
 * clause ("a 600-megawatt plant at Jamshoro"), else the place that names a plant, station, mill,
 * port, dam or refinery before it in its sentence ("The Muzaffargarh thermal power station … has a
 * capacity of 1,350 megawatts") or right after it ("the 600-megawatt Muzaffargarh thermal power
 * station"); a capitalised name that is no country, capital, organisation or month.
 */
export function placeOf(text: string, figure: Figure, clause: Span, sentence: Span, vocabulary: Vocabulary): string | undefined {
  const isPlace = (name: string): boolean => {
    if (isMonthName(name)) return false;
    const term = termsOf(name, vocabulary)[0]?.term;
    return !!term && !vocabulary.countries.has(term) && !vocabulary.organisations.has(term);
  };
  for (const m of text.slice(figure.end, clause.end).matchAll(/\b(?:at|in|near)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)/gu)) if (isPlace(m[1]!)) return m[1];
  for (const m of text.slice(sentence.start, figure.start).matchAll(namedFacility)) if (isPlace(m[1]!)) return m[1];
  const right = facilityRightAfter.exec(text.slice(figure.end, clause.end));
  if (right && isPlace(right[1]!)) return right[1];
  return undefined;
}

/** "the Muzaffargarh thermal power station", "the Karachi plant", "Jamshoro coal-fired power plant". */
const facility = String.raw`(\p{Lu}[\p{L}-]+)\s+(?:(?:thermal|coal-fired|gas-fired|coal|gas|oil|steel|cement|nuclear|solar|wind|hydro\w*|power|deep-sea)\s+){0,3}(?:plant|station|mills?|port|dam|refinery|terminal)\b`;
const namedFacility = new RegExp(String.raw`\b${facility}`, 'gu');
/** The figure sizes the facility named right after it: "the 600-megawatt Muzaffargarh thermal power station". */
const facilityRightAfter = new RegExp(String.raw`^[\s-]+${facility}`, 'u');
