/** The middle of the measured values (the upper one of two middles): what every bench reports. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
