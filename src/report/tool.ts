/** Kept equal to package.json's version by a test. */
export const TOOL_NAME = 'Keyward';
export const TOOL_VERSION = '1.0.0';
export const TOOL_URI = 'https://github.com/keyward/keyward';
