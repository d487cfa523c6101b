// Substrate base-16 Patricia-Merkle trie (sp-trie LayoutV0/LayoutV1).
export type { Layout, NodeStore } from './types.ts';
export { EMPTY_ROOT } from './hash.ts';
export { trieRoot, orderedTrieRoot } from './root.ts';
export { TrieDb, type CommitResult } from './trie-db.ts';
export { encodeNode, decodeNode, type TrieNode, type ChildRef } from './node-codec.ts';
export { MemoryNodeStore } from './memory-store.ts';
