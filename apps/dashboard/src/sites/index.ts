export { SitesView, type SitesViewProps } from "./sites-view";
