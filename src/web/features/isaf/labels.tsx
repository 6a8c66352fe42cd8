import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CYCLE_STEPS, type CycleStep, cambodiaToday } from "../../../domain/isaf-cycle";

export const SECTORS = ["PS", "HC", "CA"] as const;
export const STEPS = CYCLE_STEPS;

const STEP_COLORS: Record<CycleStep, string> = {
  planned: "gray",
  i4c: "blue",
  scorecard: "indigo",
  self_assessment: "violet",
  interface_meeting: "grape",
  jaap: "orange",
  follow_up: "teal",
  closed: "green",
};

/** The step a cycle is at, as a coloured badge. */
export function StepBadge({ step, ...props }: { step: CycleStep } & BadgeProps) {
  const { t } = useTranslation("isaf");
  return (
    <Badge color={STEP_COLORS[step]} variant="light" radius="sm" tt="none" {...props}>
      {t(`steps.${step}`)}
    </Badge>
  );
}

export function SectorBadge({ code, ...props }: { code: string } & BadgeProps) {
  const { t } = useTranslation("isaf");
  return (
    <Badge color="cyan" variant="outline" radius="sm" tt="none" {...props}>
      {t(`sectors.${code}`, { defaultValue: code })}
    </Badge>
  );
}

export function LateBadge(props: BadgeProps) {
  const { t } = useTranslation("isaf");
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none" {...props}>
      {t("cycles.late")}
    </Badge>
  );
}

const STATUS_COLORS = { active: "green", proposed: "yellow", duplicate: "orange", retired: "gray" } as const;

export function IndicatorStatusBadge({ status }: { status: keyof typeof STATUS_COLORS }) {
  const { t } = useTranslation("isaf");
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`catalogue.status.${status}`)}
    </Badge>
  );
}

/** Today as YYYY-MM-DD in Cambodia (UTC+7), the day the server judges dates by. */
export function todayIso(): string {
  return cambodiaToday(new Date());
}
