export { RequestsView } from "./requests-view";
