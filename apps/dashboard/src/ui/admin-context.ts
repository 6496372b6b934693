import { hasRole, type Role, type SiteSummary } from "@assent/core";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { isSessionEnded, userMessage } from "../api";

/** What every signed-in view needs: the site, the user's role there, and the session's end. */
export interface AdminContextValue {
  site: SiteSummary;
  email: string;
  /** Sites the user owns somewhere (only they may create sites). */
  ownsASite: boolean;
  onSessionEnded: () => void;
  /** Called after a site is created, to refresh the session's list of sites. */
  onSitesChanged: (select?: string) => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export interface Admin extends AdminContextValue {
  /** Whether the user's role on the site is at least `minimum`. */
  can: (minimum: Role) => boolean;
  /** What to show for a failed call; a 401 ends the session and shows nothing. */
  failure: (error: unknown) => string;
}

/** The signed-in context; views are only ever rendered inside the shell. */
export function useAdmin(): Admin {
  const value = useContext(AdminContext);
  if (!value) throw new Error("useAdmin outside the signed-in shell");
  return {
    ...value,
    can: (minimum) => hasRole(value.site.role, minimum),
    failure: (error) => {
      if (isSessionEnded(error)) {
        value.onSessionEnded();
        return "";
      }
      return userMessage(error);
    },
  };
}
