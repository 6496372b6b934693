export { truncateIp } from "./truncate-ip";
