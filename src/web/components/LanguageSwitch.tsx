import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../i18n";

interface LanguageSwitchProps {
  /**
   * Switches the language; the caller passes auth's `useChangeLanguage()`, which also saves the choice
   * for a signed-in user. Passed in because a shared component may not reach into a feature.
   */
  changeLanguage: (language: Language) => Promise<void>;
  size?: "xs" | "sm";
}

/** Two buttons, ខ្មែរ and EN; the one pressed is the language shown. A failed save shows a notification. */
export function LanguageSwitch({ changeLanguage, size = "xs" }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;

  const choose = async (language: Language) => {
    if (language === current) return;
    try {
      await changeLanguage(language);
    } catch {
      notifications.show({ color: "red", message: t("language.saveFailed") });
    }
  };

  return (
    <Button.Group aria-label={t("language.label")}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size={size}
          variant={language === current ? "filled" : "default"}
          aria-pressed={language === current}
          aria-label={t(`language.${language}Label`)}
          lang={language}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </Button.Group>
  );
}
