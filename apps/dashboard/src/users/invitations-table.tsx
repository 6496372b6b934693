import type { Invitation } from "@assent/core";

export interface InvitationsTableProps {
  invitations: Invitation[];
  /** Set for owners: revokes an invitation. */
  onRevoke?: (invitation: Invitation) => void;
}

/** The invitations not yet accepted. */
export function InvitationsTable({ invitations, onRevoke }: InvitationsTableProps) {
  if (invitations.length === 0) return null;
  return (
    <section class="table-scroll" aria-labelledby="invitations-caption" tabindex={0}>
      <table class="figures">
        <caption id="invitations-caption">Invitations not yet accepted</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Invited by</th>
            <th scope="col">Expires</th>
            {onRevoke && <th scope="col">Revoke</th>}
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row">{invitation.email}</th>
              <td>{invitation.role}</td>
              <td>{invitation.invitedBy ?? "—"}</td>
              <td>{new Date(invitation.expiresAt).toLocaleDateString()}</td>
              {onRevoke && (
                <td>
                  <button
                    class="button small"
                    type="button"
                    aria-label={`Revoke the invitation of ${invitation.email}`}
                    onClick={() => onRevoke(invitation)}
                  >
                    Revoke
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
