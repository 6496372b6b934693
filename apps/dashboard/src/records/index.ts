export { RecordsView, type RecordsViewProps } from "./records-view";
