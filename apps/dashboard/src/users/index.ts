export { AcceptInvitationView } from "./accept-invitation-view";
export { UsersView } from "./users-view";
