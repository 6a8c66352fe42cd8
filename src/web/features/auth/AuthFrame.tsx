import { Box, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useChangeLanguage } from "./session";

/** The frame of the screens outside the app shell (sign-in, forced two-factor setup): brand, language, a card. */
export function AuthFrame({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <Box mih="100vh" bg="gray.0" py={{ base: "md", sm: 48 }} px="sm">
      <Stack maw={440} mx="auto" gap="md">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={700} fz={{ base: 22, sm: 26 }} c="teal.8" lh={1.4}>
              <span lang="km">សំឡេង</span> <span lang="en">Samleng</span>
            </Text>
            <Text size="xs" c="dimmed">
              {t("app.tagline")}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch changeLanguage={changeLanguage} />
            {aside}
          </Group>
        </Group>
        <Paper component="main" id="main" withBorder shadow="xs" radius="md" p={{ base: "md", sm: "xl" }}>
          {children}
        </Paper>
      </Stack>
    </Box>
  );
}
