import type { CreatedInvitation, Role } from "@assent/core";
import { useState } from "preact/hooks";
import { inviteMember } from "../api";
import { useAdmin } from "../ui";

export interface InviteFormProps {
  /** Called once an invitation is made, so the list of open invitations can be reloaded. */
  onInvited: () => void;
}

/**
 * Invites an address with a role. The answer is the same whether or not the address has an
 * account, so the form never says which; it shows the one-time link to hand to the person.
 */
export function InviteForm({ onInvited }: InviteFormProps) {
  const { site, failure } = useAdmin();
  const [made, setMade] = useState<CreatedInvitation | null>(null);
  const [error, setError] = useState("");
  const [copied, setCopied] = useState("");

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    setError("");
    setCopied("");
    try {
      const invitation = await inviteMember(site.key, {
        email: String(form.get("email") ?? "").trim(),
        role: String(form.get("role")) as Role,
      });
      setMade(invitation);
      formElement.reset();
      onInvited();
    } catch (caught) {
      setMade(null);
      setError(failure(caught));
    }
  };

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Copying failed: select the link and copy it yourself.");
    }
  };

  return (
    <form class="card-form" onSubmit={submit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a user</h2>
      <div class="field">
        <label for="member-email">Email</label>
        <input id="member-email" name="email" type="email" required />
      </div>
      <div class="field">
        <label for="member-role">Role</label>
        <select id="member-role" name="role">
          <option value="viewer">viewer: reads records and statistics</option>
          <option value="admin">admin: also settings, requests and the audit log</option>
          <option value="owner">owner: also users and retention</option>
        </select>
      </div>
      <p class="help">
        You get a link to send to the person. With it they join this site: by signing in if they
        already have an account, or by choosing a password.
      </p>
      <button class="button primary" type="submit">
        Invite
      </button>
      <p class="form-error" role="alert">
        {error}
      </p>
      <div role="status">
        {made && (
          <div class="notice">
            <p>
              Send this link to {made.email}. It works once, until{" "}
              {new Date(made.expiresAt).toLocaleDateString()}, and is not shown again:
            </p>
            <pre class="snippet">
              <code data-testid="invitation-link">{made.acceptUrl}</code>
            </pre>
            <button class="button" type="button" onClick={() => copy(made.acceptUrl)}>
              Copy link
            </button>
            <span> {copied}</span>
          </div>
        )}
      </div>
    </form>
  );
}
