import { Anchor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import classes from "./Dashboard.module.css";

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  /** The value as shown (formatted in the user's language). */
  display: string;
  /** The records behind the figure. */
  href?: string;
  /** CSS colour of the bar. */
  color?: string;
}

/**
 * A bar chart that is also a table: each row's label (a link to its records), a bar drawn with CSS
 * (hidden from screen readers) and the value as text.
 */
export function BarList({ bars, caption, max }: { bars: Bar[]; caption: string; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <table className={classes.bars}>
      <caption className={classes.caption}>{caption}</caption>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row" className={classes.barLabel}>
              {bar.href ? (
                <Anchor component={Link} to={bar.href} size="sm">
                  {bar.label}
                </Anchor>
              ) : (
                <Text size="sm" component="span">
                  {bar.label}
                </Text>
              )}
            </th>
            <td className={classes.barCell}>
              <div className={classes.track} aria-hidden>
                <div
                  className={classes.fill}
                  style={{ width: `${(100 * bar.value) / top}%`, background: bar.color }}
                />
              </div>
            </td>
            <td className={classes.barValue}>{bar.display}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
