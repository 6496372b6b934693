/**
 * The most bound parameters one statement may carry on every supported driver: Cloudflare D1's
 * limit (a libSQL file allows 32,766). Code that binds one parameter per row or id chunks by this.
 */
export const MAX_BOUND_PARAMS = 100;
