export { signedReceipt } from "./signed-receipt";
