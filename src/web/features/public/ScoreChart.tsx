import { Group, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { FaceShape, SCORES } from "./Face";
import classes from "./Public.module.css";

export interface ChartPoint {
  year: number;
  community: number | null;
  self: number | null;
}

export const COMMUNITY_COLOUR = "#0b7285";
export const SELF_COLOUR = "#6741d9";

const WIDTH = 320;
const HEIGHT = 168;
const LEFT = 34;
const RIGHT = 18;
const TOP = 14;
const BOTTOM = 26;
/** Room beside the first and last year for the value labels. */
const PAD = 30;

/** The key to the two lines: community solid, self-assessment dashed. */
export function SeriesLegend() {
  const { t } = useTranslation("public");
  const swatch = (colour: string, dashed: boolean) => (
    <svg width={28} height={10} aria-hidden="true">
      <line
        x1={1}
        y1={5}
        x2={27}
        y2={5}
        stroke={colour}
        strokeWidth={3}
        strokeDasharray={dashed ? "5 3" : undefined}
      />
    </svg>
  );
  return (
    <Group gap="md" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        {swatch(COMMUNITY_COLOUR, false)}
        <Text size="sm">{t("scores.community")}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch(SELF_COLOUR, true)}
        <Text size="sm">{t("scores.self")}</Text>
      </Group>
    </Group>
  );
}

/**
 * One indicator's median by year: the community's (solid line, dots) and the self-assessment's
 * (dashed line, squares) on the five faces. The figures are also spelled out for screen readers.
 */
export function ScoreChart({ indicator, points }: { indicator: string; points: ChartPoint[] }) {
  const { t } = useTranslation("public");
  const format = useFormat();
  const titleId = useId();
  const descId = useId();
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) =>
    points.length === 1
      ? LEFT + plotWidth / 2
      : LEFT + PAD + (index * (plotWidth - 2 * PAD)) / (points.length - 1);
  const y = (score: number) => TOP + ((5 - score) * plotHeight) / 4;

  const describe = (pick: (point: ChartPoint) => number | null) => {
    const values = points
      .filter((point) => pick(point) !== null)
      .map((point) => `${format.digits(String(point.year))}: ${format.number(pick(point) ?? 0)}`);
    return values.length ? values.join(", ") : t("scores.chartNone");
  };
  const description = [
    t("scores.chartSeries", { series: t("scores.community"), values: describe((p) => p.community) }),
    t("scores.chartSeries", { series: t("scores.self"), values: describe((p) => p.self) }),
  ].join(". ");

  const line = (pick: (point: ChartPoint) => number | null) =>
    points
      .map((point, index) => ({ value: pick(point), index }))
      .filter((entry): entry is { value: number; index: number } => entry.value !== null)
      .map((entry) => `${x(entry.index)},${y(entry.value)}`)
      .join(" ");

  return (
    <svg
      className={classes.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{t("scores.chartLabel", { indicator })}</title>
      <desc id={descId}>{description}</desc>
      {SCORES.map((score) => (
        <g key={score}>
          <line
            x1={LEFT - 4}
            x2={WIDTH - RIGHT + 6}
            y1={y(score)}
            y2={y(score)}
            stroke="#dee2e6"
            strokeWidth={1}
          />
          <FaceShape score={score} x={4} y={y(score) - 9} size={18} />
        </g>
      ))}
      {points.map((point, index) => (
        <text key={point.year} x={x(index)} y={HEIGHT - 6} textAnchor="middle" fontSize={12} fill="#495057">
          {format.digits(String(point.year))}
        </text>
      ))}
      <polyline points={line((p) => p.community)} fill="none" stroke={COMMUNITY_COLOUR} strokeWidth={2.5} />
      <polyline
        points={line((p) => p.self)}
        fill="none"
        stroke={SELF_COLOUR}
        strokeWidth={2.5}
        strokeDasharray="6 4"
      />
      {points.map((point, index) => (
        <g key={point.year}>
          {point.community !== null && (
            <>
              <circle cx={x(index)} cy={y(point.community)} r={5} fill={COMMUNITY_COLOUR} />
              <text
                x={x(index) - 8}
                y={y(point.community) - 7}
                textAnchor="end"
                fontSize={12}
                fontWeight={700}
                fill={COMMUNITY_COLOUR}
              >
                {format.number(point.community)}
              </text>
            </>
          )}
          {point.self !== null && (
            <>
              <rect x={x(index) - 4.5} y={y(point.self) - 4.5} width={9} height={9} fill={SELF_COLOUR} />
              <text
                x={x(index) + 8}
                y={y(point.self) + 16}
                textAnchor="start"
                fontSize={12}
                fontWeight={700}
                fill={SELF_COLOUR}
              >
                {format.number(point.self)}
              </text>
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
