import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A badge sized for Khmer: Mantine's badges are one fixed-height uppercase line, which clips stacked
 * Khmer vowels and cuts long role names; this one keeps the case, grows and (unless `wrap` is false) wraps.
 */
export function Tag({
  children,
  wrap = true,
  ...props
}: BadgeProps & { children: ReactNode; wrap?: boolean }) {
  const whiteSpace = wrap ? "normal" : "nowrap";
  return (
    <Badge
      size="lg"
      variant="light"
      radius="sm"
      tt="none"
      fw={500}
      styles={{
        root: {
          height: "auto",
          minHeight: "var(--badge-height)",
          paddingBlock: 2,
          whiteSpace,
          maxWidth: "100%",
        },
        label: { lineHeight: 1.6, overflow: "visible", whiteSpace },
      }}
      {...props}
    >
      {children}
    </Badge>
  );
}
