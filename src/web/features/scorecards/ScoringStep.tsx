import { ActionIcon, Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconVolume } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ListStates } from "../../components/ListStates";
import { useFormat } from "../../i18n/format";
import { FaceIcon, FacePicker } from "./Faces";
import { ParticipantLabel } from "./ParticipantsStep";
import { StepTitle } from "./StepParts";
import {
  audioLanguage,
  type Priority,
  playAudio,
  type RecordedCard,
  type Scorecard,
  useCardChange,
  useCatalogue,
  useRatingScale,
} from "./scorecards.api";

/** Step 5: each participant scores each chosen indicator with the five faces (or, in a large meeting, a count per face). */
export function ScoringStep({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  const scale = useRatingScale();
  if (card.priorities.length === 0) {
    return (
      <Stack>
        <StepTitle>{t("steps.scoring")}</StepTitle>
        <EmptyState
          title={t("scoring.noPriorities")}
          description={t(`scoring.noPrioritiesHelp.${card.kind}`)}
        />
      </Stack>
    );
  }
  return (
    <Stack>
      <StepTitle help={t(`scoring.help.${card.mode}`)}>{t("steps.scoring")}</StepTitle>
      <ListStates query={scale} rowHeight={80} isEmpty={() => false} empty={null}>
        {(data) =>
          card.mode === "individual" ? (
            <ByParticipant card={card} scale={data.items} />
          ) : (
            <ByTally card={card} scale={data.items} />
          )
        }
      </ListStates>
    </Stack>
  );
}

type Scale = NonNullable<ReturnType<typeof useRatingScale>["data"]>["items"];

/** The indicator's name with a play button when the catalogue has audio for it. */
function IndicatorName({ card, priority }: { card: Scorecard; priority: Priority }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const catalogue = useCatalogue(card.cycle.sectorCode, card.cycle.programme.id);
  const entry = catalogue.data?.items.find((item) => item.id === priority.indicator.id);
  const language = entry ? audioLanguage(entry.audioLanguages, format.language) : null;
  const name = format.name(priority.indicator);
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Badge circle size="lg">
        {format.number(priority.rank)}
      </Badge>
      <Text fw={600} style={{ flex: 1, minWidth: 0 }}>
        {name}
      </Text>
      {language && (
        <ActionIcon
          variant="light"
          size="lg"
          aria-label={t("issues.play", { name })}
          onClick={() => playAudio(`/api/v1/indicators/${priority.indicator.id}/audio/${language}`)}
        >
          <IconVolume size={18} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

function ByParticipant({ card, scale }: { card: RecordedCard; scale: Scale }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const people = card.participants;
  const firstUnscored = people.findIndex((p) => !card.scores.some((s) => s.participantNumber === p.number));
  const [position, setPosition] = useState(Math.max(firstUnscored, 0));
  const participant = people[Math.min(position, people.length - 1)];
  const given = (number: number) =>
    Object.fromEntries(
      card.scores.filter((s) => s.participantNumber === number).map((s) => [s.indicatorId, s.score]),
    );
  const [values, setValues] = useState<Record<string, number>>(() =>
    participant ? given(participant.number) : {},
  );
  // Reload the chosen faces only when another participant is shown.
  useEffect(() => {
    if (participant) setValues(given(participant.number));
    change.reset();
  }, [participant?.number]);

  if (!participant)
    return <EmptyState title={t("scoring.noParticipants")} description={t("scoring.noParticipantsHelp")} />;
  const already = card.scores.some((s) => s.participantNumber === participant.number);
  const scores = card.priorities
    .filter((p) => values[p.indicator.id])
    .map((p) => ({ indicatorId: p.indicator.id, score: values[p.indicator.id]! }));
  const done = people.filter((p) => card.scores.some((s) => s.participantNumber === p.number)).length;

  const save = () =>
    change.mutate(
      already
        ? {
            method: "PUT",
            path: `/participants/${participant.number}/scores`,
            body: { scores, version: card.version },
          }
        : { method: "POST", path: "/scores", body: { participantNumber: participant.number, scores } },
      { onSuccess: () => setPosition((current) => Math.min(current + 1, people.length - 1)) },
    );

  return (
    <Stack>
      <Text size="sm" role="status">
        {t("scoring.progress", { done: format.number(done), total: format.number(people.length) })}
      </Text>
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <ActionIcon
            size="xl"
            variant="light"
            disabled={position === 0}
            onClick={() => setPosition(position - 1)}
            aria-label={t("scoring.previous")}
          >
            <IconChevronLeft aria-hidden />
          </ActionIcon>
          <Stack gap={0} align="center" style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t("scoring.participant")}
            </Text>
            <ParticipantLabel participant={participant} />
          </Stack>
          <ActionIcon
            size="xl"
            variant="light"
            disabled={position >= people.length - 1}
            onClick={() => setPosition(position + 1)}
            aria-label={t("scoring.next")}
          >
            <IconChevronRight aria-hidden />
          </ActionIcon>
        </Group>
      </Card>
      {card.priorities.map((priority) => (
        <Card key={priority.indicator.id} withBorder padding="sm">
          <Stack gap="xs">
            <IndicatorName card={card} priority={priority} />
            <FacePicker
              label={format.name(priority.indicator)}
              scale={scale}
              value={values[priority.indicator.id] ?? null}
              disabled={!card.can.edit}
              onChange={(score) => setValues((current) => ({ ...current, [priority.indicator.id]: score }))}
            />
          </Stack>
        </Card>
      ))}
      {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
      {card.can.edit && (
        <Button size="lg" disabled={scores.length === 0} loading={change.isPending} onClick={save}>
          {already
            ? t("scoring.correct", { n: format.number(participant.number) })
            : t("scoring.save", { n: format.number(participant.number) })}
        </Button>
      )}
    </Stack>
  );
}

function ByTally({ card, scale }: { card: Scorecard; scale: Scale }) {
  return (
    <Stack>
      {card.priorities.map((priority) => (
        <TallyScores key={priority.indicator.id} card={card} priority={priority} scale={scale} />
      ))}
    </Stack>
  );
}

function TallyScores({ card, priority, scale }: { card: Scorecard; priority: Priority; scale: Scale }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const saved = card.scoreTallies.find((entry) => entry.indicatorId === priority.indicator.id)?.counts ?? [
    0, 0, 0, 0, 0,
  ];
  const [counts, setCounts] = useState<number[]>(saved);
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <IndicatorName card={card} priority={priority} />
        <SimpleGrid cols={5} spacing={4}>
          {[1, 2, 3, 4, 5].map((score) => {
            const point = scale.find((entry) => entry.value === score);
            const label = point
              ? format.language === "km"
                ? point.labelKm
                : point.labelEn
              : t(`faces.${score}`);
            return (
              <Stack key={score} gap={2} align="center">
                <FaceIcon value={score} size={40} />
                <NumberInput
                  size="sm"
                  min={0}
                  hideControls
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  aria-label={`${format.name(priority.indicator)}: ${label}`}
                  value={counts[score - 1]}
                  disabled={!card.can.edit}
                  onChange={(value) =>
                    setCounts((current) =>
                      current.map((n, i) => (i === score - 1 ? (typeof value === "number" ? value : 0) : n)),
                    )
                  }
                />
              </Stack>
            );
          })}
        </SimpleGrid>
        {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
        {card.can.edit && (
          <Button
            variant="light"
            loading={change.isPending}
            onClick={() =>
              change.mutate({
                method: "PUT",
                path: `/score-tallies/${priority.indicator.id}`,
                body: { counts, version: card.version },
              })
            }
          >
            {t("scoring.saveTally")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
