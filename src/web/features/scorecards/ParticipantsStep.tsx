import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconTrash, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyState } from "../../components/EmptyState";
import { useFormat } from "../../i18n/format";
import { ParticipantForm, type ParticipantValues } from "./ParticipantForm";
import { StepTitle } from "./StepParts";
import { type Participant, type RecordedCard, useCardChange } from "./scorecards.api";
import { TallyGrid } from "./TallyGrid";

/** Step 2: who took part — registered one by one, or counted by sex and age band in a large meeting. */
export function ParticipantsStep({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  if (card.mode === "tally") {
    return (
      <Stack>
        <StepTitle help={t("participants.tallyHelp")}>{t("steps.participants")}</StepTitle>
        <TallyGrid card={card} />
      </Stack>
    );
  }
  return <IndividualParticipants card={card} />;
}

function IndividualParticipants({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  return (
    <Stack>
      <StepTitle help={t("participants.help")}>{t("steps.participants")}</StepTitle>
      {card.can.edit && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t("participants.next", { n: format.number(nextNumber(card.participants)) })}
          </Text>
          <ParticipantForm
            submitLabel={t("participants.add")}
            busy={change.isPending}
            error={change.error}
            onSubmit={(values) =>
              change.mutateAsync({ method: "POST", path: "/participants", body: { participants: [values] } })
            }
          />
        </Card>
      )}
      <Totals participants={card.participants} />
      {card.participants.length === 0 ? (
        <EmptyState icon={<IconUsers aria-hidden size={28} />} title={t("participants.empty")} />
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t("participants.listLabel")}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {[...card.participants].reverse().map((participant) => (
            <ParticipantRow key={participant.number} card={card} participant={participant} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function nextNumber(participants: Participant[]): number {
  return participants.reduce((max, p) => Math.max(max, p.number), 0) + 1;
}

/** Running totals by sex and by group, updated as people are added. */
function Totals({ participants }: { participants: Participant[] }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const count = (test: (p: Participant) => boolean) => participants.filter(test).length;
  const figures: [string, number][] = [
    [t("totals.all"), participants.length],
    [t("totals.women"), count((p) => p.sex === "female")],
    [t("totals.men"), count((p) => p.sex === "male")],
    [t("groups.children"), count((p) => p.age < 18)],
    [t("groups.youth"), count((p) => p.age >= 15 && p.age <= 30)],
    [t("groups.disability"), count((p) => p.disability)],
    [t("groups.ethnic_minority"), count((p) => p.ethnicMinority)],
    [t("groups.id_poor"), count((p) => p.idPoor)],
  ];
  return (
    <Card withBorder padding="sm" role="status" aria-label={t("totals.label")}>
      <SimpleGrid cols={{ base: 4, sm: 8 }} spacing={6} verticalSpacing={6}>
        {figures.map(([label, value]) => (
          <Stack key={label} gap={0} align="center">
            <Text fw={700} size="lg">
              {format.number(value)}
            </Text>
            <Text size="xs" c="dimmed" ta="center" lh={1.2}>
              {label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

export function ParticipantLabel({ participant }: { participant: Participant }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  return (
    <Group gap={6} wrap="wrap">
      <Text fw={700}>#{format.number(participant.number)}</Text>
      <Text>
        {t(`sex.${participant.sex}`)} · {t("participants.years", { age: format.number(participant.age) })}
      </Text>
      {participant.disability && <Badge variant="light">{t("profile.disability")}</Badge>}
      {participant.ethnicMinority && <Badge variant="light">{t("profile.ethnicMinority")}</Badge>}
      {participant.idPoor && <Badge variant="light">{t("profile.idPoor")}</Badge>}
    </Group>
  );
}

function ParticipantRow({ card, participant }: { card: RecordedCard; participant: Participant }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const [editing, { open, close }] = useDisclosure(false);
  const scored = card.scores.filter((score) => score.participantNumber === participant.number).length;
  const raised = card.issues.filter((issue) => issue.participantNumber === participant.number).length;
  const number = format.number(participant.number);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <ParticipantLabel participant={participant} />
        {card.can.edit && (
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={open}
              aria-label={t("participants.editLabel", { n: number })}
            >
              {t("participants.edit")}
            </Button>
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              leftSection={<IconTrash size={14} aria-hidden />}
              aria-label={t("participants.removeLabel", { n: number })}
              message={t("participants.removeConfirm", {
                n: number,
                scores: format.number(scored),
                issues: format.number(raised),
              })}
              onConfirm={() =>
                change.mutateAsync({ method: "POST", path: `/participants/${participant.number}/remove` })
              }
            >
              {t("participants.remove")}
            </ConfirmButton>
          </Group>
        )}
      </Group>
      <Modal opened={editing} onClose={close} title={t("participants.editTitle", { n: number })} centered>
        <ParticipantForm
          initial={participant as ParticipantValues}
          submitLabel={t("common:actions.save")}
          busy={change.isPending}
          error={change.error}
          clearAfter={false}
          onSubmit={async (values) => {
            await change.mutateAsync({
              method: "PUT",
              path: `/participants/${participant.number}`,
              body: { ...values, version: card.version },
            });
            close();
          }}
        />
      </Modal>
    </Card>
  );
}
