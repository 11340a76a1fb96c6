import { IMAGENET_CHOICE, TAUGHT_CHOICE, tmChoice, type ImportedModel, type ModelChoice as Choice } from '../../shared/custom-models';
import { t } from '../../shared/i18n';
import './ModelChoice.css';

interface Props {
  value: Choice;
  imported: readonly ImportedModel[];
  /** Whether anything was taught ("My classes" is offered only then). */
  taught: boolean;
  onChange(choice: Choice): void;
}

/** Which model answers: ImageNet, an imported Teachable Machine model, or "My classes". */
export function ModelChoice({ value, imported, taught, onChange }: Props) {
  const options = [
    { value: IMAGENET_CHOICE, label: t('modelImagenet') },
    ...imported.map((model) => ({ value: tmChoice(model.id), label: model.name })),
    ...(taught ? [{ value: TAUGHT_CHOICE, label: t('modelTaught') }] : []),
  ];
  // A choice that no longer exists (its model removed, its classes deleted) answers with ImageNet.
  const shown = options.some((option) => option.value === value) ? value : IMAGENET_CHOICE;
  return (
    <div class="model-choice">
      <label for="model-select">{t('popupModel')}</label>
      <select id="model-select" value={shown} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}
