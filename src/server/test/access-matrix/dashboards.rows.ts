import { both, everyone, type ModuleMatrix } from "./kit";

/**
 * The dashboards module's rows of the access matrix: every signed-in role reads the dashboard of a
 * scope inside its area; a scope outside (another province, or the nation) is not found.
 */
export const dashboardsMatrix: ModuleMatrix = {
  rows: ({ call, places }) => [
    ...both((where) => ({
      route: "GET /api/v1/dashboards/isaf",
      expect: where === "in" ? everyone(200) : everyone(404, 200),
      send: (p) => call(p, "GET", `/api/v1/dashboards/isaf?place=${places[where].province}`),
    })),
    {
      route: "GET /api/v1/dashboards/isaf",
      record: "-",
      expect: everyone(404, 200),
      send: (p) => call(p, "GET", "/api/v1/dashboards/isaf"),
    },
    ...both((where) => ({
      route: "GET /api/v1/dashboards/isaf/export",
      expect: where === "in" ? everyone(200) : everyone(404, 200),
      send: (p) => call(p, "GET", `/api/v1/dashboards/isaf/export?format=csv&place=${places[where].commune}`),
    })),
  ],
};
