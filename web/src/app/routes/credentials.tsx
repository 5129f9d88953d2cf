import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Term } from '../../components/term';
import { useConfig } from '../../features/wizard/api/config';
import { FieldsForm } from '../../features/wizard/components/fields-form';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { STEP, useWizard } from '../../features/wizard/steps';
import { keepTypedFields, typedFieldsOf } from '../../features/wizard/typed-fields';

/**
 * Basic authentication's first step: the person's own credentials for the provider. Nothing is
 * sent yet; the values stay in this page's memory until the next step sends them, once.
 */
export default function CredentialsStep() {
  const { element } = useWizard();
  const { data: config } = useConfig();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => typedFieldsOf(element.key));
  const next = () => {
    keepTypedFields(element.key, values);
    navigate(STEP['create-instance'].path);
  };
  const secret = element.fields.find((field) => field.secret);
  return (
    <StepFrame
      id="credentials"
      intro={
        <>
          <p>
            {element.name} authenticates with your own {secret?.title ?? 'key'}: there is no app to
            register, no consent page and no token to trade. Nothing is delegated. Cloud Elements
            keeps the key you give it and acts as you, in full, on every call: to cut its access,
            revoke the key in {element.provider}.
          </p>
          <p>
            Nothing is sent yet. The next step sends these values once, from this page to the{' '}
            <Term id="bff">BFF</Term> and from the BFF to Cloud Elements. The BFF keeps no copy, not
            even in the sealed cookie: from that moment the key shows as a marker everywhere, this
            page included.
          </p>
        </>
      }
      previewTitle="Your credentials (the next step sends them)"
      preview={
        <FieldsForm
          id="credentials-form"
          element={element}
          values={values}
          onChange={setValues}
          onSubmit={next}
          sandbox={config?.mode === 'sandbox'}
        />
      }
      action={{
        label: 'Next: create the instance',
        pendingLabel: 'Next…',
        run: () =>
          (document.getElementById('credentials-form') as HTMLFormElement | null)?.requestSubmit(),
        pending: false,
      }}
    />
  );
}
