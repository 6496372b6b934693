export { ExportsView } from "./exports-view";
