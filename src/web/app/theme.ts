import {
  Autocomplete,
  Badge,
  createTheme,
  Drawer,
  type MantineThemeOverride,
  Modal,
  MultiSelect,
  Notification,
  PasswordInput,
  Select,
} from "@mantine/core";
import type { TFunction } from "i18next";

/** Noto Sans Khmer first (bundled, shapes Khmer correctly), then the system's sans-serif for anything else. */
const FONT_STACK =
  '"Noto Sans Khmer", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The Mantine theme. It takes `t` because some Mantine controls carry built-in English labels for
 * screen readers (the password eye, close and clear buttons); the theme gives them the app's words.
 */
export function buildTheme(t: TFunction): MantineThemeOverride {
  const close = { "aria-label": t("actions.close") };
  const clear = { "aria-label": t("actions.clear") };
  return createTheme({
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK, fontWeight: "700" },
    primaryColor: "teal",
    primaryShade: 8,
    defaultRadius: "md",
    // Show the focus ring for keyboard users only; app.css adds it to custom focusable elements (map shapes).
    focusRing: "auto",
    // Khmer stacks vowels and subscripts above and below the line; a taller line keeps them from touching.
    lineHeights: { xs: "1.5", sm: "1.6", md: "1.65", lg: "1.65", xl: "1.65" },
    components: {
      // Khmer has no letter case; uppercase badges would only change the Latin words.
      Badge: Badge.extend({ defaultProps: { tt: "none" } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { "aria-label": t("a11y.showPassword") } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: close } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: close } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: clear } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: clear } }),
      Autocomplete: Autocomplete.extend({ defaultProps: { clearButtonProps: clear } }),
    },
  });
}
