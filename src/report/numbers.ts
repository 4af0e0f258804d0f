/** Numbers as every renderer shows them: grouped thousands, sizes in binary units. */

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
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
