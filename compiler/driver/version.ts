// The compiler version. Bump it whenever output changes for the same input: it is part of every
// action-cache key.

/** ROG_VERSION names this compiler build. */
export const ROG_VERSION = "0.1.0-dev";
