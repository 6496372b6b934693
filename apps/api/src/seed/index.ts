export { allowDemoOrigins, demoConfig, type SeedOptions, type SeedResult, seed } from "./seed";
