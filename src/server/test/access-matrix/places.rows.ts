import { both, everyone, type ModuleMatrix } from "./kit";

/** The places module's rows: the gazetteer is national reference data, read by every signed-in user. */
export const placesMatrix: ModuleMatrix = {
  rows: ({ call, places }) => [
    {
      route: "GET /api/v1/places",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "GET", "/api/v1/places?parent=15"),
    },
    {
      route: "GET /api/v1/places/search",
      record: "-",
      expect: everyone(200),
      send: (p) => call(p, "GET", "/api/v1/places/search?q=kantueu"),
    },
    ...both((where) => ({
      route: "GET /api/v1/places/:code",
      expect: everyone(200),
      send: (p) => call(p, "GET", `/api/v1/places/${places[where].commune}`),
    })),
    ...both((where) => ({
      route: "GET /api/v1/geo/:level",
      expect: everyone(200),
      send: (p) => call(p, "GET", `/api/v1/geo/district?within=${places[where].province}`),
    })),
  ],
};
