/**
 * The contract between the BFF and the web app: the elements and the kinds of authentication as
 * data, the flow's steps, and the shapes of every request and reply.
 */
export * from './auth';
export * from './contract/config';
export * from './contract/exchange';
export * from './contract/flow-api';
export * from './contract/instances';
export * from './contract/labs';
export * from './contract/scenarios';
export * from './elements';
export * from './flow';
export {
  INSTANCE_NAME_MAX,
  OAUTH_URL_MAX,
  SANDBOX_REQUEST_TOKEN_TTL_MS,
  TAG_MAX,
  TAGS_MAX,
  TOKEN_MAX,
} from './limits';
