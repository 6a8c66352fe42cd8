import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import classes from "./Public.module.css";

/** The colours of the five faces, from very bad (red) to very good (green). */
export const FACE_COLOURS = ["#e03131", "#f76707", "#f59f00", "#74b816", "#2f9e44"] as const;
export const SCORES = [1, 2, 3, 4, 5] as const;

/** A face drawn in SVG units (24 × 24) at (x, y): the mouth bends from a frown (1) to a smile (5). */
export function FaceShape({
  score,
  x = 0,
  y = 0,
  size = 24,
}: {
  score: number;
  x?: number;
  y?: number;
  size?: number;
}) {
  const bend = (score - 3) * 2.6;
  return (
    <g transform={`translate(${x} ${y}) scale(${size / 24})`}>
      <circle cx={12} cy={12} r={11} fill={FACE_COLOURS[score - 1]} />
      <circle cx={8.2} cy={9.5} r={1.5} fill="#fff" />
      <circle cx={15.8} cy={9.5} r={1.5} fill="#fff" />
      <path
        d={`M 7 ${15.5 - bend / 2} Q 12 ${15.5 + bend} 17 ${15.5 - bend / 2}`}
        stroke="#fff"
        strokeWidth={1.8}
        fill="none"
        strokeLinecap="round"
      />
    </g>
  );
}

/** One face as an image with its label for screen readers (or hidden from them when decorative). */
export function Face({
  score,
  size = 20,
  decorative = false,
}: {
  score: number;
  size?: number;
  decorative?: boolean;
}) {
  const { t } = useTranslation("public");
  if (decorative) {
    return (
      <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
        <FaceShape score={score} />
      </svg>
    );
  }
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={t(`faces.${score}`)}>
      <FaceShape score={score} />
    </svg>
  );
}

/** The five faces with their words: the key to the charts. */
export function FaceLegend() {
  const { t } = useTranslation("public");
  const format = useFormat();
  return (
    <ul
      aria-label={t("faces.legend")}
      className={classes.faceRow}
      style={{ listStyle: "none", margin: 0, padding: 0 }}
    >
      {SCORES.map((score) => (
        <li key={score} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
          <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true">
            <FaceShape score={score} />
          </svg>
          <span style={{ fontSize: "var(--mantine-font-size-sm)" }}>
            {format.number(score)} {t(`faces.${score}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** How many gave each score, as five faces with their counts. */
export function DistributionFaces({ distribution }: { distribution: number[] }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  return (
    <ul
      aria-label={t("scores.distribution")}
      className={classes.faceRow}
      style={{ listStyle: "none", margin: 0, padding: 0 }}
    >
      {SCORES.map((score) => (
        <li key={score} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
          <Face score={score} size={18} />
          <span style={{ fontSize: "var(--mantine-font-size-sm)" }}>
            {format.number(distribution[score - 1] ?? 0)}
          </span>
        </li>
      ))}
    </ul>
  );
}
