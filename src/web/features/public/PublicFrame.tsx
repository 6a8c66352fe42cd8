import { Anchor, Box, Button, Container, Group, Stack, Text } from "@mantine/core";
import { IconLogin, IconMessage, IconPrinter } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useChangeLanguage } from "../auth/session";
import classes from "./Public.module.css";

/**
 * The frame of the public pages (no session): the brand, the language switch, the way to write to
 * the commune, a way in for staff, a print button; the page; what is and is not published.
 */
export function PublicFrame({ children, printable = false }: { children: ReactNode; printable?: boolean }) {
  const { t } = useTranslation("public");
  const changeLanguage = useChangeLanguage();
  return (
    <Box mih="100vh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t("common:app.skipToContent")}
      </a>
      <Box component="header" className={classes.header} py="xs">
        <Container size="lg" px="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={700} fz={{ base: 20, sm: 24 }} c="teal.8" lh={1.4}>
                <span lang="km">សំឡេង</span> <span lang="en">Samleng</span>
              </Text>
              <Text size="xs" c="dimmed">
                {t("frame.tagline")}
              </Text>
            </Stack>
            <Group gap="xs" wrap="wrap" className={classes.noPrint}>
              <LanguageSwitch changeLanguage={changeLanguage} />
              {printable && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPrinter size={14} aria-hidden />}
                  onClick={() => window.print()}
                >
                  {t("frame.print")}
                </Button>
              )}
              <Anchor component={Link} to="/public/feedback" size="sm" fw={600}>
                <Group gap={4} wrap="nowrap" component="span">
                  <IconMessage size={16} aria-hidden />
                  {t("feedback:form.title")}
                </Group>
              </Anchor>
              <Anchor component={Link} to="/sign-in" size="sm">
                <Group gap={4} wrap="nowrap" component="span">
                  <IconLogin size={16} aria-hidden />
                  {t("frame.staffSignIn")}
                </Group>
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" px="sm" py="md" component="main" id="main" tabIndex={-1}>
        {children}
      </Container>
      <Container size="lg" px="sm" pb="lg" component="footer">
        <Text size="xs" c="dimmed">
          {t("frame.footer")}{" "}
          <Anchor component={Link} to="/public/feedback/figures" size="xs">
            {t("feedback:figures.title")}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
