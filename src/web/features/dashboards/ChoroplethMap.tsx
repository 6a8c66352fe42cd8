import { Group, Stack, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { geoMercator, geoPath } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BoundaryFeature } from "../../components/BoundaryMap";
import { type Classes, NO_DATA } from "./area-figures";
import classes from "./Dashboard.module.css";

interface ChoroplethMapProps {
  features: BoundaryFeature[];
  /** Accessible name, e.g. "Map of Pursat: participants". */
  label: string;
  figureOf: (id: string) => number | null;
  scale: Classes | null;
  format: (value: number) => string;
  nameOf: (id: string) => string;
  hrefOf: (id: string) => string;
}

const PADDING = 6;

/** RFC 7946 rings are counter-clockwise; d3-geo wants them the other way round. */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const reverse = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: reverse(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(reverse) };
}

/**
 * The child areas coloured by a figure, with a legend. Each area is a link that drills down
 * (keyboard-focusable, named with its figure); the table beside the map holds the same figures.
 */
export function ChoroplethMap({
  features,
  label,
  figureOf,
  scale,
  format,
  nameOf,
  hrefOf,
}: ChoroplethMapProps) {
  const { t } = useTranslation("dashboards");
  const { ref, width } = useElementSize<HTMLDivElement>();
  const drawing = useMemo(() => {
    if (width <= 0 || features.length === 0) return null;
    const shapes = features.map((feature) => ({
      ...feature,
      id: String(feature.id),
      geometry: rewind(feature.geometry),
    }));
    const collection = { type: "FeatureCollection" as const, features: shapes };
    const projection = geoMercator().fitWidth(width - 2 * PADDING, collection);
    const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
    const height = Math.round(Math.min(460, Math.max(200, bottom - top + 2 * PADDING)));
    projection.fitExtent(
      [
        [PADDING, PADDING],
        [width - PADDING, height - PADDING],
      ],
      collection,
    );
    const path = geoPath(projection);
    return { height, shapes: shapes.map((shape) => ({ id: shape.id, d: path(shape) ?? "" })) };
  }, [features, width]);

  return (
    <Stack gap="xs">
      <figure style={{ margin: 0 }} aria-label={label}>
        <div ref={ref} className={classes.mapFrame}>
          {drawing && (
            <svg width={width} height={drawing.height} viewBox={`0 0 ${width} ${drawing.height}`}>
              <title>{label}</title>
              {drawing.shapes.map((shape) => {
                const value = figureOf(shape.id);
                const name = `${nameOf(shape.id)}: ${value === null ? t("map.noData") : format(value)}`;
                return (
                  <Link key={shape.id} to={hrefOf(shape.id)} className={classes.areaLink} aria-label={name}>
                    <title>{name}</title>
                    <path
                      d={shape.d}
                      className={classes.area}
                      style={{ fill: scale?.shadeOf(value) ?? NO_DATA }}
                    />
                  </Link>
                );
              })}
            </svg>
          )}
        </div>
      </figure>
      <Group gap="sm" wrap="wrap" aria-label={t("map.legend")} role="list">
        {scale?.bounds.map((bound, index) => {
          const from = scale.lows[index] as number;
          return (
            <Group key={bound} gap={4} wrap="nowrap" role="listitem">
              <span className={classes.swatch} style={{ background: scale.shadeOf(bound) }} aria-hidden />
              <Text size="xs">{from === bound ? format(bound) : `${format(from)} – ${format(bound)}`}</Text>
            </Group>
          );
        })}
        <Group gap={4} wrap="nowrap" role="listitem">
          <span className={classes.swatch} style={{ background: NO_DATA }} aria-hidden />
          <Text size="xs">{t("map.noData")}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
