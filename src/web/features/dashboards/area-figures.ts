import type { AreaFigures } from "./dashboards.api";

/** The figures an area can be coloured by on the map, and how each is read and shown. */
export const AREA_FIGURE_KEYS = [
  "cycles",
  "doneShare",
  "late",
  "participants",
  "womenShare",
  "communityMean",
  "completionRate",
  "overdue",
  "compliance",
] as const;
export type AreaFigureKey = (typeof AREA_FIGURE_KEYS)[number];
export type FigureKind = "count" | "share" | "score";

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const AREA_FIGURES: Record<
  AreaFigureKey,
  { kind: FigureKind; value: (area: AreaFigures) => number | null }
> = {
  cycles: { kind: "count", value: (a) => a.cycles },
  doneShare: { kind: "share", value: (a) => share(a.done, a.cycles) },
  late: { kind: "count", value: (a) => a.late },
  participants: { kind: "count", value: (a) => a.participants },
  womenShare: { kind: "share", value: (a) => share(a.women, a.participants) },
  communityMean: { kind: "score", value: (a) => a.communityMean },
  completionRate: { kind: "share", value: (a) => a.completionRate },
  overdue: { kind: "count", value: (a) => a.overdue },
  compliance: { kind: "share", value: (a) => share(a.committeesCompliant, a.committeesFormed) },
};

/** Five shades, light to dark. */
export const SHADES = [
  "var(--mantine-color-teal-1)",
  "var(--mantine-color-teal-3)",
  "var(--mantine-color-teal-5)",
  "var(--mantine-color-teal-7)",
  "var(--mantine-color-teal-9)",
];
export const NO_DATA = "var(--mantine-color-gray-2)";

export interface Classes {
  /** Upper bounds of each class (the last is the maximum). */
  bounds: number[];
  /** Lower bounds of each class, as the legend shows them (the first is the minimum). */
  lows: number[];
  shadeOf: (value: number | null) => string;
}

/**
 * Classes between the smallest and the largest value (one class when all are equal): of equal width
 * for shares and scores; for counts, of whole numbers that do not overlap ("0 – 2", "3 – 5"), never
 * more classes than there are numbers between them (issue 13, part 8: the legend read "1.6 – 3.2").
 */
export function classesOf(values: (number | null)[], kind: FigureKind = "share"): Classes | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const whole = kind === "count";
  const count = min === max ? 1 : whole ? Math.min(SHADES.length, max - min + 1) : SHADES.length;
  const bounds = Array.from({ length: count }, (_, i) => {
    if (i === count - 1) return max;
    return whole
      ? min + Math.ceil(((max - min + 1) * (i + 1)) / count) - 1
      : min + ((max - min) / count) * (i + 1);
  });
  const lows = bounds.map((_, i) =>
    i === 0 ? min : whole ? (bounds[i - 1] as number) + 1 : (bounds[i - 1] as number),
  );
  const shades = count === 1 ? [SHADES[2] as string] : SHADES;
  return {
    bounds,
    lows,
    shadeOf: (value) => {
      if (value === null) return NO_DATA;
      const index = bounds.findIndex((bound) => value <= bound + 1e-9);
      return shades[index === -1 ? shades.length - 1 : index] as string;
    },
  };
}
