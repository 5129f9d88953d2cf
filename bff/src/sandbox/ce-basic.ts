import { ceError } from './ce-http';
import { type KindPlay, type KindPlayDeps, nameTakenMessage } from './ce-kind';
import { storedConfiguration } from './ce-store';

/**
 * Basic authentication as the sandbox's Cloud Elements plays it: no OAuth calls; at
 * `POST /instances` it tries the person's key at the provider, which knows only the demo
 * values published in the README (the descriptor's `sandboxValue`), and keeps the key.
 */
export function createBasicPlay(deps: KindPlayDeps): KindPlay {
  return {
    providerFields: [],
    delegated: false,
    outagesAtInstance: true,
    async createInstance({ c, element, name, tags, configuration, scenario }) {
      const secretFields = element.fields.filter((field) => field.secret);
      const flowKey = secretFields.map((field) => String(configuration[field.key])).join(':');
      if (deps.store.nameTaken(name, scenario, flowKey))
        return ceError(c, 409, nameTakenMessage(name));
      // The provider answers as a help desk does to a key it does not know (HTTP 401).
      const wrong = secretFields.find(
        (field) => scenario === 'wrong-key' || configuration[field.key] !== field.sandboxValue,
      );
      if (wrong) {
        return ceError(
          c,
          400,
          `Failed to authenticate with ${element.provider}: it refused the ${wrong.title} given in ${wrong.key}.`,
          JSON.stringify({
            code: 'invalid_credentials',
            message: 'You have to be logged in to perform this action.',
          }),
        );
      }
      return deps.store.add({
        element,
        name,
        tags,
        configuration: storedConfiguration(element, configuration),
      });
    },
  };
}
