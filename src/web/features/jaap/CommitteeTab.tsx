import { Badge, Button, Grid, Group, Modal, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { FormedPanel } from "./FormedPanel";
import {
  type Committee,
  type JaapCycleBody,
  type Member,
  useAddMember,
  useCommittee,
  useEditMember,
  useRemoveMember,
} from "./jaap.api";
import { MemberForm } from "./MemberForm";
import { QuotaPanel } from "./QuotaPanel";

/** The JAAP monitoring committee: its members, the live quota check, and marking it formed. */
export function CommitteeTab({ summary }: { summary: JaapCycleBody }) {
  const { t } = useTranslation("jaap");
  const committee = useCommittee(summary.cycle.id);
  if (committee.error) return <ErrorAlert error={committee.error} onRetry={() => committee.refetch()} />;
  if (!committee.data) return <Skeleton h={320} aria-busy="true" aria-label={t("common:states.loading")} />;
  const data = committee.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Members committee={data} />
          {data.can.edit && (
            <Paper
              withBorder
              radius="md"
              p={{ base: "sm", sm: "md" }}
              component="section"
              aria-labelledby="add-member-title"
            >
              <Title order={3} size="h5" id="add-member-title" mb="sm">
                {t("committee.addTitle")}
              </Title>
              <AddMember cycleId={data.cycleId} />
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <QuotaPanel quota={data.quota} memberCount={data.members.length} />
          <FormedPanel committee={data} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function AddMember({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation("jaap");
  const add = useAddMember(cycleId);
  return (
    <MemberForm
      submitLabel={t("committee.add")}
      onSubmit={async (input) => {
        await add.mutateAsync(input);
        notifications.show({ color: "teal", message: t("committee.added", { name: input.name }) });
      }}
    />
  );
}

function Members({ committee }: { committee: Committee }) {
  const { t } = useTranslation("jaap");
  const format = useFormat();
  const [editing, setEditing] = useState<Member | null>(null);
  const edit = useEditMember(committee.cycleId);
  const remove = useRemoveMember(committee.cycleId);
  const profile = (member: Member) => (
    <Group gap={4} wrap="wrap">
      {member.youth && (
        <Badge size="sm" variant="light" color="cyan">
          {t("committee.youth")}
        </Badge>
      )}
      {member.ethnicMinority && (
        <Badge size="sm" variant="light" color="orange">
          {t("committee.minorityShort")}
        </Badge>
      )}
    </Group>
  );
  const actions = (member: Member) =>
    committee.can.edit && (
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setEditing(member)}
        >
          {t("committee.edit")}
        </Button>
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          leftSection={<IconTrash size={14} aria-hidden />}
          title={t("committee.removeTitle")}
          message={t("committee.removeMessage", { name: member.name })}
          onConfirm={() => remove.mutateAsync({ id: member.id, updatedAt: member.updatedAt })}
        >
          {t("committee.remove")}
        </ConfirmButton>
      </Group>
    );
  const label = t("committee.members", {
    count: committee.members.length,
    n: format.number(committee.members.length),
  });

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="members-title"
    >
      <Title order={3} size="h5" id="members-title" mb="sm">
        {label}
      </Title>
      {committee.members.length === 0 ? (
        <EmptyState title={t("committee.emptyTitle")} description={t("committee.empty")} />
      ) : (
        <ResponsiveList
          items={committee.members}
          itemKey={(member) => member.id}
          label={t("committee.list")}
          minWidth={520}
          columns={[
            { key: "name", header: t("committee.name"), cell: (member) => member.name },
            { key: "role", header: t("committee.role"), cell: (member) => t(`role.${member.role}`) },
            { key: "sex", header: t("committee.sex"), cell: (member) => t(`memberSex.${member.sex}`) },
            { key: "age", header: t("committee.age"), cell: (member) => format.number(member.age) },
            { key: "profile", header: t("committee.profile"), cell: profile },
            committee.can.edit && { key: "actions", header: t("committee.actions"), cell: actions },
          ]}
          card={(member) => (
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600}>{member.name}</Text>
                <Text size="sm" c="dimmed">
                  {t(`role.${member.role}`)}
                </Text>
              </Group>
              <Text size="sm">
                {t(`memberSex.${member.sex}`)} · {t("committee.years", { age: format.number(member.age) })}
              </Text>
              {profile(member)}
              {actions(member)}
            </Stack>
          )}
        />
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("committee.editTitle")}
        centered
      >
        {editing && (
          <MemberForm
            member={editing}
            submitLabel={t("form.saveChanges")}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await edit.mutateAsync({ ...input, id: editing.id, updatedAt: editing.updatedAt });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
