import { type Member, ROLES, type Role } from "@assent/core";
import { useState } from "preact/hooks";
import { changeRole, listMembers, removeMember, revokeInvitation } from "../api";
import { LoadState, useAdmin, useLoad } from "../ui";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";

/** The site's users and roles; owners invite, re-role and remove them. */
export function UsersView() {
  const { site, can, failure, email } = useAdmin();
  const members = useLoad(() => listMembers(site.key), site.key);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const owner = can("owner");

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError("");
    setNotice("");
    try {
      await work();
      setNotice(done);
      members.reload();
    } catch (caught) {
      setError(failure(caught));
    }
  };

  return (
    <div class="users-view">
      <p class="form-error" role="alert">
        {error}
      </p>
      <p role="status">{notice}</p>
      {!members.data ? (
        <LoadState loaded={members} what="users" />
      ) : (
        <section class="table-scroll" aria-labelledby="users-caption" tabindex={0}>
          <table class="figures">
            <caption id="users-caption">Users of this site</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                {owner && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m: Member) => (
                <tr key={m.userId} data-user={m.email}>
                  <th scope="row">{m.email}</th>
                  <td>{m.name}</td>
                  <td>
                    {owner && m.email !== email ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        onChange={(e) =>
                          act(
                            () => changeRole(site.key, m.userId, e.currentTarget.value as Role),
                            `${m.email} is now ${e.currentTarget.value}.`,
                          )
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    ) : (
                      m.role
                    )}
                  </td>
                  {owner && (
                    <td>
                      {m.email !== email && (
                        <button
                          class="button small"
                          type="button"
                          aria-label={`Remove ${m.email}`}
                          onClick={() =>
                            act(() => removeMember(site.key, m.userId), `Removed ${m.email}.`)
                          }
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {members.data && (
        <InvitationsTable
          invitations={members.data.invitations}
          onRevoke={
            owner
              ? (invitation) =>
                  act(
                    () => revokeInvitation(site.key, invitation.id),
                    `Revoked the invitation of ${invitation.email}.`,
                  )
              : undefined
          }
        />
      )}
      {owner && <InviteForm onInvited={() => members.reload()} />}
    </div>
  );
}
