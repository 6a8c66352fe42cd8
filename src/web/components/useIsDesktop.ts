import { useMediaQuery } from "@mantine/hooks";

/** The `sm` breakpoint of the theme: below it the app is laid out for a phone. */
export const DESKTOP_QUERY = "(min-width: 48em)";

/** True on a tablet or desktop, false on a phone; known on the first render so lists do not flash. */
export function useIsDesktop(): boolean {
  return useMediaQuery(DESKTOP_QUERY, true, { getInitialValueInEffect: false });
}
