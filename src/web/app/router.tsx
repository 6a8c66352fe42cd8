import { createBrowserRouter } from "react-router";
import { SignInPage } from "../features/auth/SignInPage";
import { HomePage } from "../features/home/HomePage";
import { PageLoader } from "./PageLoader";
import { RequireSession } from "./RequireSession";
import { RouteError } from "./RouteError";
import { NotFoundPage } from "./shell";

/**
 * Every page of the app. Pages other than sign-in and home load on first visit (one chunk per feature).
 * Facilities and admin own their sub-routes (features/<name>/routes.tsx), rendered as descendant
 * <Routes> under their splat paths.
 */
export const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage />, errorElement: <RouteError /> },
  // Public results: open to anyone, no session (features/public).
  {
    path: "/public/*",
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    lazy: async () => ({ Component: (await import("../features/public/routes")).PublicRoutes }),
  },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    // Shown while the code of a lazily loaded page arrives on the first visit.
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: "field/*",
            lazy: async () => ({ Component: (await import("../features/field/routes")).FieldRoutes }),
          },
          {
            path: "feedback",
            lazy: async () => ({
              Component: (await import("../features/feedback/FeedbackQueuePage")).FeedbackQueuePage,
            }),
          },
          {
            path: "places",
            lazy: async () => ({ Component: (await import("../features/places/PlacesPage")).PlacesPage }),
          },
          {
            path: "places/:code",
            lazy: async () => ({ Component: (await import("../features/places/PlacePage")).PlacePage }),
          },
          {
            path: "facilities/*",
            lazy: async () => ({
              Component: (await import("../features/facilities/routes")).FacilitiesRoutes,
            }),
          },
          {
            path: "programmes/*",
            lazy: async () => ({ Component: (await import("../features/isaf/routes")).ProgrammesRoutes }),
          },
          {
            path: "cycles/*",
            lazy: async () => ({ Component: (await import("../features/isaf/routes")).CyclesRoutes }),
          },
          {
            path: "catalogue/*",
            lazy: async () => ({ Component: (await import("../features/isaf/routes")).CatalogueRoutes }),
          },
          {
            path: "scorecards/*",
            lazy: async () => ({
              Component: (await import("../features/scorecards/routes")).ScorecardsRoutes,
            }),
          },
          {
            path: "jaap/*",
            lazy: async () => ({ Component: (await import("../features/jaap/routes")).JaapRoutes }),
          },
          {
            path: "dashboards/*",
            lazy: async () => ({
              Component: (await import("../features/dashboards/routes")).DashboardsRoutes,
            }),
          },
          {
            path: "admin/*",
            lazy: async () => ({ Component: (await import("../features/admin/routes")).AdminRoutes }),
          },
          {
            path: "account",
            lazy: async () => ({ Component: (await import("../features/account/AccountPage")).AccountPage }),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
