export { formatServerTime } from "./receipt-format";
export { RecordsTable, type RecordsTableProps } from "./records-table";
export { RecordsView } from "./records-view";
