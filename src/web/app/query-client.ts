import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";

/**
 * One QueryClient for the app. Client errors (4xx) are answers, not glitches, so they are not retried.
 * Queries and mutations run even when the browser says it is offline: field work is read from and
 * written to the device then (src/web/offline), and a request that needs the network fails at once
 * with a clear message instead of waiting silently.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: "offlineFirst",
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false, networkMode: "always" },
  },
});
