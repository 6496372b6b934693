import { type Member, ROLES, type Role } from "@assent/core";
import { useState } from "preact/hooks";
import { addMember, changeRole, listMembers, removeMember } from "../api";
import { LoadState, useAdmin, useLoad } from "../ui";

/** The site's users and roles; owners add, re-role and remove them. */
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

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const password = String(form.get("password") ?? "");
    const newEmail = String(form.get("email") ?? "").trim();
    void act(async () => {
      await addMember(site.key, {
        email: newEmail,
        role: String(form.get("role")) as Role,
        name: String(form.get("name") ?? "").trim() || undefined,
        password: password || undefined,
      });
      formElement.reset();
    }, `Added ${newEmail}.`);
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
              {members.data.map((m: Member) => (
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
      {owner && (
        <form class="card-form" onSubmit={add}>
          <h2>Add a user</h2>
          <div class="field">
            <label for="member-email">Email</label>
            <input id="member-email" name="email" type="email" required />
          </div>
          <div class="field">
            <label for="member-name">Name</label>
            <input id="member-name" name="name" />
          </div>
          <div class="field">
            <label for="member-role">Role</label>
            <select id="member-role" name="role">
              <option value="viewer">viewer: reads records and statistics</option>
              <option value="admin">admin: also settings, requests and the audit log</option>
              <option value="owner">owner: also users and retention</option>
            </select>
          </div>
          <div class="field">
            <label for="member-password">Password for a new account</label>
            <input
              id="member-password"
              name="password"
              type="password"
              autocomplete="new-password"
              minLength={12}
              aria-describedby="member-password-help"
            />
            <p id="member-password-help" class="help">
              At least 12 characters. Leave empty to add someone who already has an account.
            </p>
          </div>
          <button class="button primary" type="submit">
            Add user
          </button>
        </form>
      )}
    </div>
  );
}
