// The node's version, shown by --version, system_version and logs.
export const VERSION = '0.1.0';
