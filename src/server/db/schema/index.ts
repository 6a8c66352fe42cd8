export * from "./audit";
export * from "./facilities";
export * from "./organisations";
export * from "./places";
export * from "./users";
