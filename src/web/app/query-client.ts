import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";

/** One QueryClient for the app. Client errors (4xx) are answers, not glitches, so they are not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
});
