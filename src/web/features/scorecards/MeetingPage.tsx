import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconEyeOff, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { IssuesStep } from "./IssuesStep";
import { MeetingDetailsStep } from "./MeetingDetailsStep";
import { NotesStep } from "./NotesStep";
import { ParticipantsStep } from "./ParticipantsStep";
import { PrioritiesStep } from "./PrioritiesStep";
import { ResultsStep } from "./ResultsStep";
import { ScoringStep } from "./ScoringStep";
import { SubmitStep } from "./SubmitStep";
import { hasRecords, type Scorecard, useScorecard } from "./scorecards.api";
import { STATUS_COLOURS } from "./scorecards.labels";

const COMMUNITY_STEPS = [
  "meeting",
  "participants",
  "issues",
  "priorities",
  "scoring",
  "notes",
  "results",
  "submit",
] as const;
/** The self-assessment scores the community's priorities: no issues, no prioritisation. */
const SELF_STEPS = ["meeting", "participants", "scoring", "notes", "results", "submit"] as const;
/** Those who neither record nor review the card see no participant nor anyone's score: they read the results. */
const READER_STEPS = {
  community: ["meeting", "priorities", "notes", "results", "submit"],
  self: ["meeting", "notes", "results", "submit"],
} as const;
type Step = (typeof COMMUNITY_STEPS)[number];

/** /scorecards/:id — the meeting as steps a facilitator follows on a phone. */
export function MeetingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("scorecards");
  const card = useScorecard(id);
  if (card.error) return <ErrorAlert error={card.error} onRetry={() => card.refetch()} />;
  if (!card.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={20} w={200} />
        <Skeleton h={36} w={280} />
        <Skeleton h={48} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  return <Meeting card={card.data} />;
}

function Meeting({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const recorded = hasRecords(card);
  const steps: readonly Step[] = !recorded
    ? READER_STEPS[card.kind]
    : card.kind === "community"
      ? COMMUNITY_STEPS
      : SELF_STEPS;
  const asked = params.get("step") as Step | null;
  const step: Step = asked && steps.includes(asked) ? asked : card.can.edit ? "meeting" : "results";
  const index = steps.indexOf(step);
  const go = (next: Step) => {
    setParams({ step: next }, { replace: false });
    window.scrollTo({ top: 0 });
  };
  const facility = format.name(card.cycle.facility);
  const place = card.cycle.path.map((entry) => format.name(entry)).join(" › ");

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/cycles/${card.cycleId}`} size="sm">
            {t("meeting.backToCycle", { year: format.digits(String(card.cycle.year)) })}
          </Anchor>
        }
        title={t(`kind.${card.kind}`)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <span>{facility}</span>
            <span>{place}</span>
            <Badge color={STATUS_COLOURS[card.status]} variant="light">
              {t(`status.${card.status}`)}
            </Badge>
          </Group>
        }
      />
      {card.status === "returned" && card.reviewComment && (
        <Alert color="orange" mb="md" title={t("review.returnedTitle")}>
          {card.reviewComment}
        </Alert>
      )}
      {(card.status === "submitted" || card.status === "approved") && (
        <Alert color="gray" mb="md" icon={<IconLock aria-hidden />}>
          {t(`meeting.locked.${card.status}`)}
        </Alert>
      )}
      {!recorded && (
        <Alert color="blue" variant="light" mb="md" icon={<IconEyeOff aria-hidden />}>
          {t("meeting.readerNote")}
        </Alert>
      )}
      <nav aria-label={t("meeting.stepsLabel")}>
        <Group gap={6} wrap="nowrap" mb="md" pb={4} style={{ overflowX: "auto" }}>
          {steps.map((entry, position) => (
            <Button
              key={entry}
              size="compact-sm"
              radius="xl"
              variant={entry === step ? "filled" : "light"}
              aria-current={entry === step ? "step" : undefined}
              onClick={() => go(entry)}
              style={{ flexShrink: 0 }}
            >
              {format.number(position + 1)}. {t(`steps.${entry}`)}
            </Button>
          ))}
        </Group>
      </nav>
      <Text size="sm" c="dimmed" mb="xs">
        {t("meeting.stepOf", { n: format.number(index + 1), total: format.number(steps.length) })}
      </Text>
      <section aria-labelledby="step-title">
        <StepContent step={step} card={card} />
      </section>
      <Group justify="space-between" mt="xl">
        {index > 0 ? (
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={() => go(steps[index - 1]!)}
          >
            {t(`steps.${steps[index - 1]!}`)}
          </Button>
        ) : (
          <span />
        )}
        {index < steps.length - 1 && (
          <Button
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={() => go(steps[index + 1]!)}
          >
            {t(`steps.${steps[index + 1]!}`)}
          </Button>
        )}
      </Group>
    </>
  );
}

function StepContent({ step, card }: { step: Step; card: Scorecard }) {
  // The participants, who raised what and each one's scores exist only on a card the caller records or
  // reviews; a reader's steps never lead there, and reads the results if sent there by the address.
  const recorded = hasRecords(card) ? card : null;
  switch (step) {
    case "meeting":
      return <MeetingDetailsStep card={card} />;
    case "participants":
      return recorded ? <ParticipantsStep card={recorded} /> : <ResultsStep card={card} />;
    case "issues":
      return recorded ? <IssuesStep card={recorded} /> : <ResultsStep card={card} />;
    case "priorities":
      return <PrioritiesStep card={card} />;
    case "scoring":
      return recorded ? <ScoringStep card={recorded} /> : <ResultsStep card={card} />;
    case "notes":
      return <NotesStep card={card} />;
    case "results":
      return <ResultsStep card={card} />;
    case "submit":
      return <SubmitStep card={card} />;
  }
}
