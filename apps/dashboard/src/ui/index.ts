export { type Admin, AdminContext, type AdminContextValue, useAdmin } from "./admin-context";
export { ConfirmDialog } from "./confirm-dialog";
export { saveFile } from "./download";
export { LoadState } from "./load-state";
export { type Loaded, useLoad } from "./use-load";
