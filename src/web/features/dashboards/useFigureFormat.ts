import { useFormat } from "../../i18n/format";
import type { FigureKind } from "./area-figures";

/** A count, a share (as a percentage) or a score (1–5, up to two decimals) in the user's language. */
export function useFigureFormat() {
  const format = useFormat();
  return (kind: FigureKind, value: number) =>
    kind === "share"
      ? format.number(value, { style: "percent", maximumFractionDigits: 0 })
      : kind === "score"
        ? format.number(value, { maximumFractionDigits: 2 })
        : format.number(value);
}
