// Whether two values agree: a source figure that the draft's figure, with its hedge or rounding,
// may be (the same date; an amount the intervals share, unless the draft's bound says more).
import { isDate } from '../claims/claims';
import { intervalsOverlap } from '../claims/figureFormat';
import type { Figure } from '../types';
import { sameFigureDate } from './timeVerdict';

/** The source figure agrees with the draft's: the same date, or an amount the draft's range covers without saying more. */
export function compatibleWith(figure: Figure, source: Figure): boolean {
  return isDate(figure) ? sameFigureDate(figure, source) : intervalsOverlap(figure, source) && !claimsMore(figure, source);
}

/**
 * Two floors ("at least $46 billion", "no less than $64 billion") overlap but the higher one
 * says more than the source does; likewise two ceilings. Rounding aside, that is a mismatch.
 */
function claimsMore(draft: Figure, source: Figure): boolean {
  const floor = (f: Figure): boolean => f.qualifier === 'over' || f.qualifier === 'at-least';
  const ceiling = (f: Figure): boolean => f.qualifier === 'under' || f.qualifier === 'at-most' || f.qualifier === 'nearly';
  // Within a twentieth, the same at the precision both are written to still differs: "a little over $3.6 million" is not "slightly more than $3.5 million".
  const samePrecision = step(draft.value) === step(source.value);
  if (floor(draft) && floor(source)) return draft.value > source.value * 1.05 || (samePrecision && draft.value > source.value);
  if (ceiling(draft) && ceiling(source)) return draft.value < source.value * 0.95 || (samePrecision && draft.value < source.value);
  return false;
}

/** The place value of a number's last significant digit: 100,000 for 3,600,000, 0.1 for 12.4. */
function step(value: number): number {
  if (!value) return 0;
  // "3.6e+6": two significant digits, the last worth 10^(6 − 1).
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const decimals = (mantissa!.split('.')[1] ?? '').length;
  return Number(`1e${Number(exponent) - decimals}`);
}

/** A source value more than this many times the draft's, or less than its inverse, is no misremembering of it. */
const farRatio = 20;

/** Two amounts too far apart to be one value misremembered, and not the same digits at another scale. */
export function farApart(draft: Figure, source: Figure): boolean {
  if (!draft.value || !source.value) return false;
  const ratio = Math.max(draft.value / source.value, source.value / draft.value);
  if (ratio <= farRatio) return false;
  const scale = Math.log10(ratio);
  return Math.abs(scale - Math.round(scale)) > 0.01;
}
