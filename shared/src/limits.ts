/** Input limits, shared by the BFF's schemas and the web form (which must not load zod). */
export const INSTANCE_NAME_MAX = 100;
export const TAG_MAX = 40;
export const TAGS_MAX = 10;
