export { sendReceipt } from "./send-receipt";
