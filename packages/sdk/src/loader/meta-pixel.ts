/**
 * Keeps the Meta pixel's own consent switch in step with the decision: `fbq('consent', 'grant' |
 * 'revoke')` whenever the pixel is on the page. Gate (or auto-block) the pixel's snippet so that
 * it cannot track before the visitor chooses; this keeps it in step after that.
 */
export function syncMetaPixel(granted: boolean): void {
  window.fbq?.("consent", granted ? "grant" : "revoke");
}
