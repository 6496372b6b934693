/**
 * Services the settings form suggests. The seam for the shared catalogue: once `@assent/core`
 * exports its service catalogue, build this list from it (id, and the category it belongs in).
 * Until then these are the catalogue ids the public conventions name, with their usual category;
 * any other id can still be typed in.
 */
export interface ServiceSuggestion {
  id: string;
  category: string;
}

export const SERVICE_SUGGESTIONS: readonly ServiceSuggestion[] = [
  { id: "google-analytics", category: "analytics" },
  { id: "google-ads", category: "marketing" },
  { id: "meta-pixel", category: "marketing" },
  { id: "facebook-social", category: "embeds" },
  { id: "twitter", category: "embeds" },
  { id: "youtube", category: "embeds" },
  { id: "vimeo", category: "embeds" },
  { id: "flickr", category: "embeds" },
  { id: "linkedin-insight", category: "marketing" },
  { id: "hotjar", category: "analytics" },
  { id: "microsoft-clarity", category: "analytics" },
];
