/** Numbers as every renderer shows them: grouped thousands, sizes in binary units. */

/**
 * What `n.toLocaleString('en-US')` prints, without it for the numbers a
 * report has (integers, and sizes to a tenth): its first call in a process
 * loads ICU's number formatting, ~20 ms of every `cicd-sensor run`'s stop.
 * A number whose shortest form has at most three decimals (the most
 * en-US shows) is grouped here, digit for digit what ICU prints, since ICU
 * starts from that same shortest form; anything else (exponents, longer
 * fractions, NaN, Infinity) still goes to ICU.
 */
export function fmt(n: number): string {
  // String(-0) is '0', where en-US shows the sign.
  if (Object.is(n, -0)) return '-0';
  const m = /^(-?)(\d+)(\.\d{1,3})?$/.exec(String(n));
  if (m === null) return n.toLocaleString('en-US');
  const [, sign, digits, fraction = ''] = m;
  return `${sign}${group(digits)}${fraction}`;
}

function group(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

export function binaryBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${fmt(Math.round(n * 10) / 10)} ${units[unit]}`;
}
