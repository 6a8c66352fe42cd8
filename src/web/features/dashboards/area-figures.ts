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
  min: number;
  shadeOf: (value: number | null) => string;
}

/** Equal-width classes between the smallest and the largest value (one class when all are equal). */
export function classesOf(values: (number | null)[]): Classes | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const count = min === max ? 1 : SHADES.length;
  const width = (max - min) / count;
  const bounds = Array.from({ length: count }, (_, i) => (i === count - 1 ? max : min + width * (i + 1)));
  const shades = count === 1 ? [SHADES[2] as string] : SHADES;
  return {
    bounds,
    min,
    shadeOf: (value) => {
      if (value === null) return NO_DATA;
      const index = bounds.findIndex((bound) => value <= bound + 1e-9);
      return shades[index === -1 ? shades.length - 1 : index] as string;
    },
  };
}
