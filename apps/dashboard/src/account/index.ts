export { AccountView, type AccountViewProps } from "./account-view";
