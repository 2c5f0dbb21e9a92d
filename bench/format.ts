// How the bench's table says a number: absolute values with their unit, ratios, sizes.

/** A row of the table: benchmark, page-state, peers, ratio, target. */
export type Row = [string, string, string, string, string];

export const fmt = (n: number, unit: string) =>
  `${n < 0.01 ? n.toFixed(4) : n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en')} ${unit}`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** A median round's ratio, with the lowest and highest round's. */
export const withRounds = ({ratio, spread}: {ratio: number; spread?: [number, number]}) =>
  `${ratio.toFixed(2)}× (rounds ${spread!.map((r) => r.toFixed(2)).join('–')})`;
