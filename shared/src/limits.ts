/** Input limits, shared by the BFF's schemas and the web form (which must not load zod). */
export const INSTANCE_NAME_MAX = 100;
export const TAG_MAX = 40;
export const TAGS_MAX = 10;
/**
 * The longest token, secret or verifier a flow keeps (real ones are 20–50 characters): with the
 * other fields' limits this bounds the sealed flow cookie well under a browser's 4 KB per cookie.
 */
export const TOKEN_MAX = 256;
/** The longest authorization URL the BFF hands out (Twitter's are ~80 characters, Salesforce's ~300). */
export const OAUTH_URL_MAX = 512;
/** How long the sandbox's Twitter lets a request token live (real Twitter does not document it). */
export const SANDBOX_REQUEST_TOKEN_TTL_MS = 10 * 60 * 1000;
