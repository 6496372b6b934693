export { SignedInShell, type SignedInShellProps } from "./signed-in-shell";
