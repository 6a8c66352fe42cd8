import { Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import type { BoundaryProperties } from "../places/places.api";
import classes from "./FacilityMap.module.css";

/** A facility on the map, drawn in its kind's colour. */
export interface ColouredPoint {
  id: string;
  lat: number;
  lng: number;
  /** Accessible name and tooltip, e.g. "Health centre: Aekakpheap Health Centre". */
  label: string;
  href: string;
  /** Any CSS colour. */
  fill: string;
}

interface FacilityMapProps {
  features: Feature<Polygon | MultiPolygon, BoundaryProperties>[];
  points: ColouredPoint[];
  /** Accessible name of the map. */
  label: string;
  /** Where a shape links to (e.g. the list filtered to that place); undefined for no link. */
  featureHref: (id: string) => string | undefined;
  highlightIds?: readonly string[];
  maxHeight?: number;
}

const PADDING = 8;
const MIN_LABEL_WIDTH = 64;

/**
 * RFC 7946 winds outer rings counter-clockwise, d3-geo expects the opposite (else a polygon is
 * "everything but itself"). Same fix as the shared BoundaryMap.
 */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: reverseRings(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(reverseRings) };
}

/**
 * Boundaries with facility points coloured by kind. The shared BoundaryMap draws every point in one
 * colour; the registry needs a colour per kind, hence this variant (see the feature's notes).
 * Shapes and points are keyboard-focusable links.
 */
export function FacilityMap({
  features,
  points,
  label,
  featureHref,
  highlightIds = [],
  maxHeight = 560,
}: FacilityMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useElementSize<HTMLElement>();

  const shapes = useMemo(
    () =>
      features.map((feature) => ({ ...feature, id: String(feature.id), geometry: rewind(feature.geometry) })),
    [features],
  );

  const drawing = useMemo(() => {
    if (width <= 0 || (shapes.length === 0 && points.length < 2)) return null;
    // Fit to the boundaries; to the points only when there are no boundaries to show.
    const fitTo: FeatureCollection<Geometry> =
      shapes.length > 0
        ? { type: "FeatureCollection", features: shapes }
        : {
            type: "FeatureCollection",
            features: [
              {
                type: "Feature",
                properties: {},
                geometry: { type: "MultiPoint", coordinates: points.map((point) => [point.lng, point.lat]) },
              },
            ],
          };
    const projection = geoMercator().fitWidth(width - 2 * PADDING, fitTo);
    const [[, top], [, bottom]] = geoPath(projection).bounds(fitTo);
    const height = Math.round(Math.min(maxHeight, Math.max(200, bottom - top + 2 * PADDING)));
    projection.fitExtent(
      [
        [PADDING, PADDING],
        [width - PADDING, height - PADDING],
      ],
      fitTo,
    );
    const path = geoPath(projection);
    return {
      height,
      radius: width < 480 ? 4 : 5.5,
      shapes: shapes.map((shape) => {
        const [[x0], [x1]] = path.bounds(shape);
        return {
          id: shape.id,
          properties: shape.properties,
          d: path(shape) ?? "",
          centroid: path.centroid(shape),
          span: x1 - x0,
        };
      }),
      points: points.map((point) => ({ ...point, xy: projection([point.lng, point.lat]) })),
    };
  }, [shapes, points, width, maxHeight]);

  const nameOf = (properties: BoundaryProperties, id: string) => {
    const name = format.language === "km" ? properties.name_km : properties.name_en;
    return name ?? properties.name_en ?? properties.name_km ?? id;
  };

  const linked = (href: string | undefined, name: string, key: string, content: ReactNode) =>
    href ? (
      <Link key={key} to={href} className={classes.link} aria-label={name}>
        <title>{name}</title>
        {content}
      </Link>
    ) : (
      <g key={key}>
        <title>{name}</title>
        {content}
      </g>
    );

  return (
    <figure ref={ref} className={classes.frame} aria-label={label}>
      {drawing === null ? (
        width > 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t("map.noShapes")}
          </Text>
        )
      ) : (
        <svg
          className={classes.svg}
          width={width}
          height={drawing.height}
          viewBox={`0 0 ${width} ${drawing.height}`}
        >
          <title>{label}</title>
          {drawing.shapes.map((shape) =>
            linked(
              featureHref(shape.id),
              nameOf(shape.properties, shape.id),
              `shape-${shape.id}`,
              <path
                d={shape.d}
                className={`${classes.shape} ${highlightIds.includes(shape.id) ? classes.highlighted : ""}`}
              />,
            ),
          )}
          {drawing.shapes
            .filter((shape) => shape.span >= MIN_LABEL_WIDTH && Number.isFinite(shape.centroid[0]))
            .map((shape) => (
              <text
                key={`label-${shape.id}`}
                x={shape.centroid[0]}
                y={shape.centroid[1]}
                className={classes.label}
                textAnchor="middle"
                dominantBaseline="middle"
                aria-hidden
              >
                {nameOf(shape.properties, shape.id)}
              </text>
            ))}
          {drawing.points.map((point) =>
            point.xy
              ? linked(
                  point.href,
                  point.label,
                  `point-${point.id}`,
                  <circle
                    cx={point.xy[0]}
                    cy={point.xy[1]}
                    r={drawing.radius}
                    className={classes.point}
                    style={{ fill: point.fill }}
                  />,
                )
              : null,
          )}
        </svg>
      )}
    </figure>
  );
}
