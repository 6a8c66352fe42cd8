import {
  ActionIcon,
  Button,
  Group,
  Image,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { IconCamera, IconX } from "@tabler/icons-react";
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type Action, type ActionStatus, uploadPhoto, useAddProgress } from "./jaap.api";

/** Where a progress update may take an action from its status (dropping has its own button). */
const NEXT: Record<ActionStatus, ActionStatus[]> = {
  planned: ["planned", "in_progress", "done"],
  in_progress: ["in_progress", "done"],
  done: [],
  dropped: [],
};

interface Shot {
  key: string;
  preview: string;
  name: string;
  id?: string;
  progress: number;
  error?: unknown;
}

/** A progress update: a note, the status it moves to, and evidence photos taken on the spot. */
export function ProgressForm({
  action,
  onDone,
  onCancel,
}: {
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("jaap");
  const add = useAddProgress(action.id);
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus>(
    action.status === "planned" ? "in_progress" : action.status,
  );
  const [shots, setShots] = useState<Shot[]>([]);
  const uploading = shots.some((shot) => !shot.id && !shot.error);

  const shotsRef = useRef(shots);
  shotsRef.current = shots;
  useEffect(
    () => () => {
      for (const shot of shotsRef.current) URL.revokeObjectURL(shot.preview);
    },
    [],
  );

  const patch = (key: string, change: Partial<Shot>) =>
    setShots((current) => current.map((shot) => (shot.key === key ? { ...shot, ...change } : shot)));

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = "";
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setShots((current) => [
        ...current,
        { key, preview: URL.createObjectURL(file), name: file.name, progress: 0 },
      ]);
      uploadPhoto(action.id, file, (fraction) => patch(key, { progress: fraction }))
        .then((photo) => patch(key, { id: photo.id, progress: 1 }))
        .catch((error) => patch(key, { error }));
    }
  };

  const remove = (key: string) =>
    setShots((current) => {
      const shot = current.find((item) => item.key === key);
      if (shot) URL.revokeObjectURL(shot.preview);
      return current.filter((item) => item.key !== key);
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setNoteError(t("form.required"));
      return;
    }
    try {
      await add.mutateAsync({
        note: note.trim(),
        status,
        photoIds: shots.flatMap((shot) => (shot.id ? [shot.id] : [])),
        version: action.version,
      });
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("progress.note")}
          description={t("progress.noteHint")}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
          error={noteError}
          autosize
          minRows={3}
          maxLength={4000}
          required
          data-autofocus
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${inputId}-status`}>
            {t("progress.status")}
          </Text>
          <SegmentedControl
            aria-labelledby={`${inputId}-status`}
            value={status}
            onChange={(value) => setStatus(value as ActionStatus)}
            data={NEXT[action.status].map((value) => ({ value, label: t(`status.${value}`) }))}
            fullWidth
          />
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t("progress.photos")}
          </Text>
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={choose}
            style={{ position: "absolute", width: 1, height: 1, opacity: 0, pointerEvents: "none" }}
            aria-label={t("progress.addPhoto")}
            tabIndex={-1}
          />
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconCamera size={16} aria-hidden />}
              onClick={() => fileInput.current?.click()}
            >
              {t("progress.addPhoto")}
            </Button>
          </Group>
          {shots.length > 0 && (
            <Group gap="xs" role="list" aria-label={t("progress.photos")}>
              {shots.map((shot) => (
                <Stack key={shot.key} gap={2} w={96} role="listitem">
                  <div style={{ position: "relative" }}>
                    <Image src={shot.preview} alt={shot.name} w={96} h={96} radius="sm" fit="cover" />
                    <ActionIcon
                      size="sm"
                      color="dark"
                      variant="filled"
                      aria-label={t("progress.removePhoto", { name: shot.name })}
                      onClick={() => remove(shot.key)}
                      style={{ position: "absolute", top: 4, right: 4 }}
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </div>
                  {shot.error ? (
                    <Text size="xs" c="red.8">
                      {t("progress.uploadFailed")}
                    </Text>
                  ) : (
                    <Progress value={shot.progress * 100} size="xs" aria-label={t("progress.uploading")} />
                  )}
                </Stack>
              ))}
            </Group>
          )}
          {shots.map((shot) => (shot.error ? <ErrorAlert key={shot.key} error={shot.error} /> : null))}
        </Stack>
        {add.error !== null && <ErrorAlert error={add.error} withFieldErrors />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={add.isPending}>
            {t("common:actions.cancel")}
          </Button>
          <Button type="submit" loading={add.isPending} disabled={uploading}>
            {t("progress.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
