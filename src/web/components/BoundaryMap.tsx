import { Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BoundaryProperties } from "../api/places";
import { useFormat } from "../i18n/format";
import classes from "./BoundaryMap.module.css";

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

/** A marker on the map (a facility, a village centre). */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  /** Accessible name and tooltip, e.g. "Health centre: Aekakpheap Health Centre". */
  label: string;
  href?: string;
  /** Any CSS colour, e.g. the colour of a facility's kind. @default orange */
  color?: string;
}

interface BoundaryMapProps {
  /** Polygons to draw, as the /api/v1/geo endpoints send them (RFC 7946 winding; rewound here). */
  features: BoundaryFeature[];
  points?: MapPoint[];
  /** Accessible name of the map, e.g. "Map of Battambang". */
  label: string;
  /** Where a shape links to; by default the place page of its code. Return undefined for no link. */
  featureHref?: (id: string) => string | undefined;
  /** Codes of shapes to emphasise (e.g. the place the page is about). */
  highlightIds?: readonly string[];
  /** Write the names on the shapes that are large enough. @default true */
  showLabels?: boolean;
  /** Tallest the map may get, in pixels. @default 520 */
  maxHeight?: number;
  /** Draw the shapes in grey, so that points in many colours stand out. @default false */
  neutralShapes?: boolean;
}

const PADDING = 8;
const MIN_LABEL_WIDTH = 56;

/**
 * RFC 7946 GeoJSON winds outer rings counter-clockwise; d3-geo reads that as "everything but this
 * polygon" and would fill the globe. Reversing every ring gives d3 the winding it expects.
 */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: reverseRings(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(reverseRings) };
}

/**
 * An SVG map of boundary polygons (and optional points), drawn with d3-geo in Mercator, fitted to the
 * width of its container. Every shape and point with a link is a keyboard-focusable link.
 */
export function BoundaryMap({
  features,
  points = [],
  label,
  featureHref = (id) => `/places/${id}`,
  highlightIds = [],
  showLabels = true,
  maxHeight = 520,
  neutralShapes = false,
}: BoundaryMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ref, width } = useElementSize<HTMLDivElement>();
  // SVG has no z-index: the focused shape's outline is drawn again on top so neighbours cannot hide it.
  const [focusedId, setFocusedId] = useState<string | null>(null);

  const shapes = useMemo(
    () =>
      features.map((feature) => ({ ...feature, id: String(feature.id), geometry: rewind(feature.geometry) })),
    [features],
  );

  const drawing = useMemo(() => {
    if (width <= 0 || (shapes.length === 0 && points.length < 2)) return null;
    const fitTo: FeatureCollection<Geometry> = {
      type: "FeatureCollection",
      features: [
        ...shapes,
        ...(points.length > 0
          ? [
              {
                type: "Feature" as const,
                properties: {},
                geometry: {
                  type: "MultiPoint" as const,
                  coordinates: points.map((point) => [point.lng, point.lat]),
                },
              },
            ]
          : []),
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
      // Smaller points on a phone, where a province map holds many facilities in little space.
      radius: width < 480 ? 4 : 5,
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

  const linked = (
    href: string | undefined,
    name: string,
    key: string,
    content: ReactNode,
    shapeId?: string,
  ) =>
    href ? (
      <Link
        key={key}
        to={href}
        className={classes.link}
        aria-label={name}
        onFocus={(event) =>
          setFocusedId(event.currentTarget.matches(":focus-visible") ? (shapeId ?? null) : null)
        }
        onBlur={() => setFocusedId(null)}
      >
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
    <figure className={`${classes.figure} ${neutralShapes ? classes.neutral : ""}`} aria-label={label}>
      <div ref={ref} className={classes.frame}>
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
                shape.id,
              ),
            )}
            {showLabels &&
              drawing.shapes
                .filter(
                  (shape) =>
                    (shape.span >= MIN_LABEL_WIDTH || highlightIds.includes(shape.id)) &&
                    Number.isFinite(shape.centroid[0]),
                )
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
            {drawing.shapes
              .filter((shape) => shape.id === focusedId)
              .map((shape) => (
                <path key="focus" d={shape.d} className={classes.focusOutline} />
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
                      style={point.color ? { fill: point.color } : undefined}
                    />,
                  )
                : null,
            )}
          </svg>
        )}
      </div>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {t("map.attribution")}
      </Text>
    </figure>
  );
}
