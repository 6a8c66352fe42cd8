import { ActionIcon, Button, FileInput, Group, Modal, Select, Stack, Text, Tooltip } from "@mantine/core";
import { IconPlayerPlay, IconUpload } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AUDIO_LANGUAGES } from "../../../contracts/isaf";
import { ErrorAlert } from "../../components/ErrorAlert";
import { audioUrl, isafKeys, uploadAudio } from "./isaf.api";

type Owner = "indicator" | "rating";

/** One play button per language that has audio. */
export function AudioButtons({
  owner,
  ownerKey,
  languages,
  label,
}: {
  owner: Owner;
  ownerKey: string;
  languages: string[];
  label: string;
}) {
  const { t } = useTranslation("isaf");
  if (languages.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t("audio.none")}
      </Text>
    );
  return (
    <Group gap={6}>
      {languages.map((language) => (
        <Tooltip key={language} label={t(`audio.languages.${language}`)}>
          <ActionIcon
            variant="light"
            size="lg"
            aria-label={t("audio.play", { what: label, language: t(`audio.languages.${language}`) })}
            onClick={() => void new Audio(audioUrl(owner, ownerKey, language)).play()}
          >
            <Group gap={2} wrap="nowrap">
              <IconPlayerPlay size={14} aria-hidden />
              <Text size="xs" fw={700}>
                {language}
              </Text>
            </Group>
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}

/** Upload (or replace) the audio in one language. */
export function AudioUpload({ owner, ownerKey, label }: { owner: Owner; ownerKey: string; label: string }) {
  const { t } = useTranslation("isaf");
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState<string | null>("km");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const title = t("audio.uploadFor", { what: label });

  const send = async () => {
    if (!file || !language) return;
    setBusy(true);
    setError(null);
    try {
      await uploadAudio(audioUrl(owner, ownerKey, language), file);
      await queryClient.invalidateQueries({ queryKey: isafKeys.all });
      setOpened(false);
      setFile(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconUpload size={14} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t("audio.upload")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Stack>
          <Select
            label={t("audio.language")}
            data={AUDIO_LANGUAGES.map((code) => ({ value: code, label: t(`audio.languages.${code}`) }))}
            value={language}
            onChange={setLanguage}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <FileInput
            label={t("audio.file")}
            description={t("audio.fileHelp")}
            accept="audio/*"
            value={file}
            onChange={setFile}
            clearable
          />
          {error !== null && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t("common:actions.cancel")}
            </Button>
            <Button onClick={send} loading={busy} disabled={!file}>
              {t("audio.send")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
