import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { FieldsForm } from '../../features/wizard/components/fields-form';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
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
    navigate(stepUrl(STEP['create-instance'].path, element.key));
  };
  return (
    <StepFrame
      id="credentials"
      intro={<StepIntro id="credentials" element={element} />}
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
