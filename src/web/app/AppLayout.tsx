import { AppShell, Burger, Container, Group, NavLink, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useCan, useChangeLanguage } from "../features/auth/session";
import { NAV_ITEMS } from "./nav";
import { UserMenu } from "./UserMenu";

/** The frame of every signed-in page: header, main menu (a drawer behind the burger on phones), content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const changeLanguage = useChangeLanguage();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const firstRender = useRef(true);

  // After moving to another page: close the phone menu and put focus at the start of the new content,
  // so keyboard and screen-reader users continue from there.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [pathname, close]);

  const items = NAV_ITEMS.filter((item) => !item.ability || [item.ability].flat().some(can));
  const isActive = (to: string, end?: boolean) =>
    end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);

  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
        padding={{ base: "sm", sm: "md", lg: "lg" }}
      >
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t("nav.close") : t("nav.open")}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
              <UnstyledButton component={Link} to="/" aria-label={t("app.home")} px={4}>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} size="lg" c="teal.8" lang="km">
                    សំឡេង
                  </Text>
                  <Text fw={700} size="lg" c="teal.8" lang="en" visibleFrom="xs">
                    Samleng
                  </Text>
                </Group>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch changeLanguage={changeLanguage} />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="main-nav" component="nav" aria-label={t("nav.label")} p="xs">
          <AppShell.Section grow component={ScrollArea}>
            {items.map((item) => {
              const active = isActive(item.to, item.end);
              return (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.to}
                  label={t(`nav.${item.key}`)}
                  leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? "page" : undefined}
                  onClick={close}
                  style={{ borderRadius: "var(--mantine-radius-md)" }}
                />
              );
            })}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Container size="xl" px={0}>
            {children}
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
