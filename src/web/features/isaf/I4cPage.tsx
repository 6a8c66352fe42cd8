import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPlus, IconPrinter, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { I4cSessions } from "./I4cSessions";
import { type CycleBody, type PackBody, useCycle, useI4c, usePublishPack, useSavePack } from "./isaf.api";

interface Item {
  key: number;
  labelKm: string;
  labelEn: string;
  standardValue: string;
  actualValue: string;
  unit: string;
}

/** /cycles/:id/i4c — the I4C pack: standards against actual figures, budget, notes; publication; sessions. */
export function I4cPage() {
  const { id = "" } = useParams();
  const cycle = useCycle(id);
  const pack = useI4c(id);
  const error = cycle.error ?? pack.error;
  if (error)
    return <ErrorAlert error={error} onRetry={() => void Promise.all([cycle.refetch(), pack.refetch()])} />;
  if (!cycle.data || !pack.data) return <Skeleton h={400} />;
  return <I4cEditor cycle={cycle.data} pack={pack.data} key={pack.data.version} />;
}

/** What the public page shows of a pack, to tell whether the form holds unsaved changes. */
const contentKey = (items: Omit<Item, "key">[], budget: string, notes: string) =>
  JSON.stringify([
    items.map((i) => [i.labelKm, i.labelEn || i.labelKm, i.standardValue, i.actualValue, i.unit]),
    budget,
    notes,
  ]);

let nextKey = 1;
const toItem = (item: Partial<Item>): Item => ({
  labelKm: "",
  labelEn: "",
  standardValue: "",
  actualValue: "",
  unit: "",
  ...item,
  key: nextKey++,
});

function I4cEditor({ cycle, pack }: { cycle: CycleBody; pack: PackBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const save = useSavePack(cycle.id);
  const publish = usePublishPack(cycle.id);
  const [items, setItems] = useState<Item[]>(
    pack.items.map((item) => toItem({ ...item, unit: item.unit ?? "" })),
  );
  const [budget, setBudget] = useState(pack.budgetSummary ?? "");
  const [notes, setNotes] = useState(pack.notes ?? "");
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const edit = (key: number, change: Partial<Item>) =>
    setItems(items.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved);
    setItems(next);
  };
  const readOnly = !pack.canEdit;
  const dirty =
    contentKey(items, budget, notes) !==
    contentKey(
      pack.items.map((item) => ({ ...item, unit: item.unit ?? "" })),
      pack.budgetSummary ?? "",
      pack.notes ?? "",
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save
      .mutateAsync({
        items: items.map(({ key: _key, ...item }) => ({ ...item, unit: item.unit || null })),
        budgetSummary: budget,
        notes,
        version: pack.version,
      })
      .catch(() => null);
    if (saved)
      notifications.show({
        color: "teal",
        message: pack.publishedAt && !saved.publishedAt ? t("i4c.savedUnpublished") : t("i4c.saved"),
      });
  };

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/cycles/${cycle.id}`} size="sm">
            ‹{" "}
            {t("cycle.title", {
              facility: format.name(cycle.facility),
              year: format.digits(String(cycle.year)),
            })}
          </Anchor>
        }
        title={t("i4c.title")}
        description={t("i4c.description")}
        actions={
          <>
            {pack.publishedAt ? (
              <Badge color="green" variant="light" size="lg" tt="none">
                {t("i4c.publishedOn", { date: format.date(pack.publishedAt) })}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" size="lg" tt="none">
                {t("i4c.notPublished")}
              </Badge>
            )}
            <Button
              variant="default"
              component={Link}
              to={`/cycles/${cycle.id}/i4c/poster?size=A4`}
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              {t("i4c.posterA4")}
            </Button>
            <Button
              variant="default"
              component={Link}
              to={`/cycles/${cycle.id}/i4c/poster?size=A3`}
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              {t("i4c.posterA3")}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <form onSubmit={submit} aria-label={t("i4c.title")} noValidate>
          <Stack gap="lg">
            <FormPanel title={t("i4c.items")} description={t("i4c.itemsHelp")}>
              {items.length === 0 && <Alert color="gray">{t("i4c.noItems")}</Alert>}
              {items.map((item, index) => (
                <Paper
                  key={item.key}
                  withBorder
                  p="sm"
                  radius="md"
                  component="fieldset"
                  aria-label={t("i4c.itemN", { n: format.number(index + 1) })}
                  style={{ border: undefined }}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput
                      label={t("i4c.labelKm")}
                      lang="km"
                      required
                      readOnly={readOnly}
                      value={item.labelKm}
                      onChange={(e) => edit(item.key, { labelKm: e.currentTarget.value })}
                      error={fieldErrors[`items.${index}.labelKm`]}
                    />
                    <TextInput
                      label={t("i4c.labelEn")}
                      lang="en"
                      readOnly={readOnly}
                      value={item.labelEn}
                      onChange={(e) => edit(item.key, { labelEn: e.currentTarget.value })}
                      error={fieldErrors[`items.${index}.labelEn`]}
                    />
                    <TextInput
                      label={t("i4c.standard")}
                      required
                      readOnly={readOnly}
                      value={item.standardValue}
                      onChange={(e) => edit(item.key, { standardValue: e.currentTarget.value })}
                      error={fieldErrors[`items.${index}.standardValue`]}
                    />
                    <TextInput
                      label={t("i4c.actual")}
                      required
                      readOnly={readOnly}
                      value={item.actualValue}
                      onChange={(e) => edit(item.key, { actualValue: e.currentTarget.value })}
                      error={fieldErrors[`items.${index}.actualValue`]}
                    />
                    <TextInput
                      label={t("i4c.unit")}
                      readOnly={readOnly}
                      value={item.unit}
                      onChange={(e) => edit(item.key, { unit: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  {!readOnly && (
                    <Group gap="xs" mt="xs" justify="flex-end">
                      <ActionIcon
                        variant="default"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={t("i4c.moveUp")}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        disabled={index === items.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={t("i4c.moveDown")}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        color="red"
                        variant="light"
                        onClick={() => setItems(items.filter((i) => i.key !== item.key))}
                        aria-label={t("i4c.removeItem")}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Paper>
              ))}
              {!readOnly && (
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setItems([...items, toItem({})])}
                  >
                    {t("i4c.addItem")}
                  </Button>
                </Group>
              )}
            </FormPanel>
            <FormPanel title={t("i4c.budgetAndNotes")}>
              <Textarea
                label={t("i4c.budget")}
                readOnly={readOnly}
                value={budget}
                onChange={(e) => setBudget(e.currentTarget.value)}
                autosize
                minRows={3}
              />
              <Textarea
                label={t("i4c.notes")}
                readOnly={readOnly}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                autosize
                minRows={3}
              />
            </FormPanel>
            {save.error !== null && <ErrorAlert error={save.error} />}
            {!readOnly && dirty && (
              <Alert color={pack.publishedAt ? "yellow" : "gray"} role="status">
                {pack.publishedAt ? t("i4c.unpublishedChanges") : t("i4c.saveBeforePublish")}
              </Alert>
            )}
            {!readOnly && !dirty && !pack.publishedAt && pack.items.length > 0 && (
              <Alert color="yellow" role="status">
                {t("i4c.notPublishedHelp")}
              </Alert>
            )}
            {!readOnly && (
              <Group justify="flex-end">
                <ConfirmButton
                  color="green"
                  variant="light"
                  message={t("i4c.publishConfirm")}
                  onConfirm={() => publish.mutateAsync({ version: pack.version })}
                  disabled={pack.items.length === 0 || dirty || pack.publishedAt !== null}
                >
                  {pack.publishedAt && !dirty ? t("i4c.published") : t("i4c.publish")}
                </ConfirmButton>
                <Button type="submit" loading={save.isPending}>
                  {t("i4c.save")}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
        <I4cSessions cycle={cycle} pack={pack} />
      </Stack>
    </>
  );
}
